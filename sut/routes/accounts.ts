import type { Router } from 'express';
import { bodyOf, jsonBody } from '../http/body';
import { sendProblem, sendValidationErrors } from '../http/problem';
import { userJson } from '../http/representations';
import { resource } from '../http/resource';
import { checkBody, username } from '../http/validation';
import type { ServiceContext } from './context';

const DEFAULT_TOKEN_SECONDS = 3600;

export function accountRoutes(router: Router, { store }: ServiceContext): void {
  resource(router, '/users', {
    post: [
      jsonBody,
      (req, res) => {
        const body = bodyOf(req);
        const errors = checkBody(body, {
          username: { ...username, required: true },
          password: { type: 'string', required: true, minLength: 8, maxLength: 128 },
          displayName: { type: 'string', minLength: 1, maxLength: 80 },
        });
        if (errors.length > 0) return sendValidationErrors(res, errors);
        const input = body as { username: string; password: string; displayName?: string };
        const account = store.accounts.register(
          input.username,
          input.password,
          input.displayName ?? input.username,
        );
        if (account === 'taken') return sendProblem(res, 409, `The username ${input.username} is taken.`);
        res
          .status(201)
          .location(`/api/v1/users/${encodeURIComponent(account.username)}`)
          .json(userJson(account));
      },
    ],
  });

  resource(router, '/auth/token', {
    post: [
      jsonBody,
      (req, res) => {
        const body = bodyOf(req);
        const errors = checkBody(body, {
          username: { type: 'string', required: true, minLength: 1 },
          password: { type: 'string', required: true, minLength: 1 },
          expiresIn: { type: 'integer', minimum: 1, maximum: DEFAULT_TOKEN_SECONDS },
        });
        if (errors.length > 0) return sendValidationErrors(res, errors);
        const input = body as { username: string; password: string; expiresIn?: number };
        const account = store.accounts.authenticate(input.username, input.password);
        if (!account) {
          return sendProblem(res, 401, 'Wrong username or password.', {
            headers: { 'WWW-Authenticate': 'Bearer' },
          });
        }
        const expiresIn = input.expiresIn ?? DEFAULT_TOKEN_SECONDS;
        res.json({
          accessToken: store.accounts.issueToken(account.username, expiresIn),
          tokenType: 'Bearer',
          expiresIn,
          username: account.username,
        });
      },
    ],
  });
}
