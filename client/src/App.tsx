import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Role } from '@e-cabinet/protocol';
import { ToastProvider } from './ui/Toasts';
import { AuthProvider } from './features/auth/AuthProvider';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth, RequireRole } from './features/auth/RequireAuth';
import { ConnectionProvider } from './features/connection/ConnectionProvider';
import { AppShell } from './features/shell/AppShell';
import { HomePage } from './features/shell/HomePage';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { UsersPage } from './features/users/UsersPage';
import { UnitsPage } from './features/units/UnitsPage';
import { AuditPage } from './features/audit/AuditPage';
import { MeetingsPage } from './features/meetings/MeetingsPage';
import { NewMeetingPage } from './features/meetings/NewMeetingPage';
import { MeetingPage } from './features/meetings/MeetingPage';
import { LiveRoomPage } from './features/live/LiveRoomPage';
import { DocumentViewerPage } from './features/viewer/DocumentViewerPage';
import { MyTasksPage } from './features/tasks/MyTasksPage';
import { TaskDetailPage } from './features/tasks/TaskDetailPage';
import { TaskOverviewPage } from './features/tasks/TaskOverviewPage';
import { TaskDashboardPage } from './features/tasks/TaskDashboardPage';
import { MinutesPage } from './features/minutes/MinutesPage';
import { DeadLettersPage } from './features/deliveries/DeadLettersPage';

/** Everything behind the login: one socket per session, the shell around every page. */
function Protected() {
  return (
    <RequireAuth>
      <ConnectionProvider>
        <AppShell />
      </ConnectionProvider>
    </RequireAuth>
  );
}

export function App() {
  return (
    <ToastProvider>
      <BrowserRouter>
        <AuthProvider>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<Protected />}>
              <Route index element={<HomePage />} />
              <Route path="account/password" element={<ChangePasswordPage />} />
              <Route path="meetings" element={<MeetingsPage />} />
              <Route path="meetings/new" element={<NewMeetingPage />} />
              <Route path="meetings/:id" element={<MeetingPage />} />
              <Route path="meetings/:id/live" element={<LiveRoomPage />} />
              <Route path="meetings/:id/minutes" element={<MinutesPage />} />
              <Route path="documents/:id" element={<DocumentViewerPage />} />
              <Route path="tasks" element={<MyTasksPage />} />
              <Route path="tasks/overview" element={<TaskOverviewPage />} />
              <Route path="tasks/dashboard" element={<TaskDashboardPage />} />
              <Route path="tasks/:id" element={<TaskDetailPage />} />
              <Route path="admin" element={<RequireRole role={Role.admin} />}>
                <Route index element={<Navigate to="users" replace />} />
                <Route path="users" element={<UsersPage />} />
                <Route path="units" element={<UnitsPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="deliveries" element={<DeadLettersPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </AuthProvider>
      </BrowserRouter>
    </ToastProvider>
  );
}
