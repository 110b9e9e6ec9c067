import type { Router } from 'express';
import { sendProblem, sendValidationErrors } from '../http/problem';
import { checkBody, rules } from '../http/validation';
import type { ServiceContext } from './context';

export function accountRoutes(router: Router, { store }: ServiceContext): void {
  router.post('/users', (req, res) => {
    const errors = checkBody(req.body, {
      username: { ...rules.username, required: true },
      password: { type: 'string', required: true, minLength: 8, maxLength: 128 },
      displayName: { type: 'string', minLength: 1, maxLength: 80 },
    });
    if (errors.length > 0) return sendValidationErrors(res, errors);
    const { username, password, displayName } = req.body as {
      username: string;
      password: string;
      displayName?: string;
    };
    const account = store.createAccount(username, password, displayName ?? username);
    if (account === 'taken') return sendProblem(res, 409, `The username ${username} is taken.`);
    res
      .status(201)
      .location(`/api/v1/users/${encodeURIComponent(username)}`)
      .json({
        username: account.username,
        displayName: account.displayName,
        createdAt: account.createdAt.toISOString(),
      });
  });

  router.post('/auth/token', (req, res) => {
    const errors = checkBody(req.body, {
      username: { type: 'string', required: true, minLength: 1 },
      password: { type: 'string', required: true, minLength: 1 },
      expiresIn: { type: 'integer', minimum: 1, maximum: 3600 },
    });
    if (errors.length > 0) return sendValidationErrors(res, errors);
    const {
      username,
      password,
      expiresIn = 3600,
    } = req.body as { username: string; password: string; expiresIn?: number };
    const account = store.checkPassword(username, password);
    if (!account) {
      return sendProblem(res, 401, 'Wrong username or password.', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    res.json({
      accessToken: store.issueToken(account.username, expiresIn),
      tokenType: 'Bearer',
      expiresIn,
      username: account.username,
    });
  });
}
