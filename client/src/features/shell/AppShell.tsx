import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { Role } from '@e-cabinet/protocol';
import { useT, type MessageKey } from '../../i18n';
import { useAuth, useCurrentUser } from '../auth/auth-context';
import { ConnectionIndicator, NewVersionBanner } from '../connection/ConnectionIndicator';
import { MeetingPublishedToasts } from '../meetings/MeetingPublishedToasts';
import { NotificationBell } from '../notifications/NotificationBell';
import { OfflineStatus } from '../offline/OfflineStatus';
import { LanguageSelect } from './LanguageSelect';

interface NavItem {
  to: string;
  label: Extract<MessageKey, `nav.${string}`>;
  adminOnly?: boolean;
  /** Shown only to these global roles. */
  roles?: readonly Role[];
  /** Active only on this exact path, not below it. */
  end?: boolean;
}

const NAV: readonly NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/meetings', label: 'nav.meetings' },
  { to: '/tasks', label: 'nav.tasks', end: true },
  { to: '/tasks/overview', label: 'nav.tasksOverview', roles: [Role.chair, Role.secretary, Role.admin] },
  { to: '/tasks/dashboard', label: 'nav.tasksDashboard' },
  { to: '/admin/users', label: 'nav.users', adminOnly: true },
  { to: '/admin/units', label: 'nav.units', adminOnly: true },
  { to: '/admin/audit', label: 'nav.audit', adminOnly: true },
  { to: '/admin/deliveries', label: 'nav.deliveries', adminOnly: true },
];

/** Header, navigation and the page outlet for every logged-in page. */
export function AppShell() {
  const t = useT();
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const items = NAV.filter((item) => (!item.adminOnly || user.role === Role.admin) && (!item.roles || item.roles.includes(user.role)));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <p className="brand">{t('app.name')}</p>
        <ConnectionIndicator />
        <NotificationBell />
        <div className="topbar-user">
          <span className="user-name">{user.fullName}</span>
          <span className="role-badge">{t(`role.${user.role}`)}</span>
        </div>
        <LanguageSelect />
        <button
          type="button"
          onClick={() => {
            void logout().then(() => navigate('/login', { replace: true }));
          }}
        >
          {t('auth.logout')}
        </button>
      </header>
      <NewVersionBanner />
      <OfflineStatus />
      <MeetingPublishedToasts />
      <div className="shell-body">
        <nav className="sidenav" aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/' || item.end === true}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
