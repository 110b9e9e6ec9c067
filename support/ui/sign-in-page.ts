import { WebAppPage } from './web-app';

/** Sign in, and create an account. */
export class SignInPage extends WebAppPage {
  async signIn(username: string, password: string): Promise<void> {
    await this.page.goto('/sign-in');
    const form = this.page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Username').fill(username);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
  }

  async createAccount(username: string, password: string, displayName: string): Promise<void> {
    await this.page.goto('/sign-up');
    const form = this.page.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Username').fill(username);
    await form.getByLabel('Password').fill(password);
    await form.getByLabel('Display name (optional)').fill(displayName);
    await form.getByRole('button', { name: 'Create account' }).click();
  }
}
