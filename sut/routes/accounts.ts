import type { Router } from 'express';
import { ownerOf } from '../http/auth';
import { bodyOf, jsonBody } from '../http/body';
import { sendProblem } from '../http/problem';
import { userJson } from '../http/representations';
import { resource } from '../http/resource';
import { username } from '../http/validation';
import { ownerGuards, type ServiceContext } from './context';

const DEFAULT_TOKEN_SECONDS = 3600;

/** Signing up: a new account, or 409 when the username is taken. */
function registration(router: Router, { store }: ServiceContext): void {
  resource(router, '/users', {
    post: [
      jsonBody({
        username: { ...username, required: true },
        password: { type: 'string', required: true, minLength: 8, maxLength: 128 },
        displayName: { type: 'string', minLength: 1, maxLength: 80 },
      }),
      (req, res) => {
        const input = bodyOf<{ username: string; password: string; displayName?: string }>(req);
        const account = store.accounts.register(
          input.username,
          input.password,
          input.displayName ?? input.username,
        );
        if (account === 'taken') return sendProblem(res, 409, `The username ${input.username} is taken.`);
        res
          .status(201)
          .location(`${req.baseUrl}/users/${encodeURIComponent(account.username)}`)
          .json(userJson(account));
      },
    ],
  });
}

/** The signed-in owner's own account. */
function ownAccount(router: Router, context: ServiceContext): void {
  const { store } = context;
  const { owner } = ownerGuards(context);
  resource(router, '/users/:username', {
    get: [
      owner,
      (req, res) => {
        const account = store.accounts.find(ownerOf(req));
        if (!account) return sendProblem(res, 404, 'There is no such account.');
        res.json(userJson(account));
      },
    ],
  });
}

/** A bearer token for a username and password, valid `expiresIn` seconds (an hour at most). */
function tokens(router: Router, { store }: ServiceContext): void {
  resource(router, '/auth/token', {
    post: [
      jsonBody({
        username: { type: 'string', required: true, minLength: 1 },
        password: { type: 'string', required: true, minLength: 1 },
        expiresIn: { type: 'integer', minimum: 1, maximum: DEFAULT_TOKEN_SECONDS },
      }),
      (req, res) => {
        const input = bodyOf<{ username: string; password: string; expiresIn?: number }>(req);
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

export function accountRoutes(router: Router, context: ServiceContext): void {
  registration(router, context);
  ownAccount(router, context);
  tokens(router, context);
}
