import { Link } from 'react-router-dom';

/** A whole-page "not found" with one way out; every missing page and record looks the same. */
export function NotFoundState({ title, body, linkTo, linkLabel }: { title: string; body: string; linkTo: string; linkLabel: string }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link className="button-link" to={linkTo}>
          {linkLabel}
        </Link>
      </p>
    </section>
  );
}
