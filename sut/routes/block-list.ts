import type { Router } from 'express';
import { pathParam } from '../http/params';
import { ownerOf } from '../http/auth';
import { bodyOf, jsonBody } from '../http/body';
import { sendProblem, sendValidationErrors } from '../http/problem';
import { blockedNumberJson } from '../http/representations';
import { resource } from '../http/resource';
import { checkPath, phoneNumber } from '../http/validation';
import { ownerGuards, type ServiceContext } from './context';

export function blockListRoutes(router: Router, context: ServiceContext): void {
  const { store } = context;
  const { owner, deleting: deletingOwner } = ownerGuards(context);

  resource(router, '/users/:username/block-list', {
    get: [
      owner,
      (req, res) => {
        const items = store.blockLists.listOf(ownerOf(req));
        res.json({ items: items.map(blockedNumberJson), total: items.length });
      },
    ],
    post: [
      owner,
      jsonBody({
        number: { ...phoneNumber, required: true },
        label: { type: 'string', minLength: 1, maxLength: 60 },
      }),
      (req, res) => {
        const input = bodyOf<{ number: string; label?: string }>(req);
        const username = ownerOf(req);
        const entry = store.blockLists.block(username, input.number, input.label ?? null);
        if (entry === 'duplicate')
          return sendProblem(res, 409, `${input.number} is already on your block list.`);
        res
          .status(201)
          .location(
            `${req.baseUrl}/users/${encodeURIComponent(username)}/block-list/${encodeURIComponent(entry.number)}`,
          )
          .json(blockedNumberJson(entry));
      },
    ],
  });

  resource(router, '/users/:username/block-list/:number', {
    delete: [
      deletingOwner,
      (req, res) => {
        const number = pathParam(req, 'number');
        const errors = checkPath('number', number, phoneNumber);
        if (errors.length > 0) return sendValidationErrors(res, errors);
        if (!store.blockLists.unblock(ownerOf(req), number)) {
          return sendProblem(res, 404, `${number} is not on your block list.`);
        }
        res.status(204).end();
      },
    ],
  });
}
