import type { Locator, Page } from 'playwright-core';

/**
 * Signs a new teacher up through the sign-up page, as a teacher does, with an address no other
 * test uses; returns the dashboard's "Your articles and quizzes" region once it is shown.
 */
export async function signUpTeacher(
  page: Page,
  baseUrl: string,
  emailName = 'rivera',
): Promise<Locator> {
  await page.goto(`${baseUrl}/teacher/signup`);
  await page.getByLabel('Your name').fill('Ms Rivera');
  await page.getByLabel('Email').fill(`${emailName}-${Date.now()}@school.example`);
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  const authored = page.getByRole('region', { name: 'Your articles and quizzes' });
  await authored.waitFor();
  return authored;
}
