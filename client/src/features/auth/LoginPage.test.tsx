import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { setLocale } from '../../i18n';
import { ToastProvider } from '../../ui/Toasts';
import { AuthContext, type AuthContextValue, type AuthState } from './auth-context';
import { LoginPage } from './LoginPage';

function render(state: AuthState): string {
  const auth: AuthContextValue = {
    state,
    login: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    endSession: () => {},
    changeLocale: () => Promise.resolve(),
  };
  return renderToStaticMarkup(
    <ToastProvider>
      <MemoryRouter initialEntries={['/login']}>
        <AuthContext.Provider value={auth}>
          <LoginPage />
        </AuthContext.Provider>
      </MemoryRouter>
    </ToastProvider>,
  );
}

/** The id of the control a `<label>` with this exact text points at. */
function labelTarget(html: string, text: string): string | undefined {
  return html.match(new RegExp(`<label for="([^"]+)">${text}</label>`))?.[1];
}

describe('LoginPage', () => {
  afterEach(() => setLocale('vi'));

  it('labels its inputs and button in Vietnamese by default', () => {
    const html = render({ status: 'anonymous', notice: null });
    for (const label of ['Tên đăng nhập', 'Mật khẩu', 'Ngôn ngữ']) {
      const id = labelTarget(html, label);
      expect(id, label).toBeTruthy();
      expect(html).toMatch(new RegExp(`<(input|select)[^>]*id="${id}"`));
    }
    expect(html).toMatch(/<button type="submit"[^>]*>Đăng nhập<\/button>/);
    expect(html).toContain('<option value="vi" lang="vi" selected="">Tiếng Việt</option>');
    expect(html).not.toContain('role="alert"');
  });

  it('switches every string to English', () => {
    setLocale('en');
    const html = render({ status: 'anonymous', notice: null });
    expect(labelTarget(html, 'Username')).toBeTruthy();
    expect(labelTarget(html, 'Password')).toBeTruthy();
    expect(labelTarget(html, 'Language')).toBeTruthy();
    expect(html).toMatch(/<button type="submit"[^>]*>Log in<\/button>/);
  });

  it('explains why the user was sent back to the login page', () => {
    const html = render({ status: 'anonymous', notice: 'auth.sessionEnded' });
    expect(html).toMatch(/role="alert"[^>]*><p>Phiên đăng nhập đã kết thúc/);
  });
});
