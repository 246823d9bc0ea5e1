import type { BallotRefusal, ErrorCode } from '@e-cabinet/protocol';
import { AppError } from '../http/app-error.ts';

/** What a refused ballot tells the voter besides its code (see `BallotRefused` in the protocol). */
export interface RefusalDetails {
  reason?: BallotRefusal;
  ballot?: { principalId: string; choice: string[] | null };
}

/** An AppError that carries the refusal's details to the socket answer. */
export class PollRefusal extends AppError {
  constructor(
    code: ErrorCode,
    readonly details: RefusalDetails,
  ) {
    super(code);
  }
}
