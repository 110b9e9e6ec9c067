import type { Router } from 'express';
import { pathParam } from '../http/params';
import { ownerOf, requireOwner } from '../http/auth';
import { bodyOf, jsonBody } from '../http/body';
import { sendProblem, sendValidationErrors } from '../http/problem';
import { blockedNumberJson } from '../http/representations';
import { resource } from '../http/resource';
import { checkBody, checkPath, phoneNumber } from '../http/validation';
import type { ServiceContext } from './context';

export function blockListRoutes(router: Router, { store, faults }: ServiceContext): void {
  const owner = requireOwner(store.accounts, faults);

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
      jsonBody,
      (req, res) => {
        const body = bodyOf(req);
        const errors = checkBody(body, {
          number: { ...phoneNumber, required: true },
          label: { type: 'string', minLength: 1, maxLength: 60 },
        });
        if (errors.length > 0) return sendValidationErrors(res, errors);
        const input = body as { number: string; label?: string };
        const username = ownerOf(req);
        const entry = store.blockLists.block(username, input.number, input.label ?? null);
        if (entry === 'duplicate')
          return sendProblem(res, 409, `${input.number} is already on your block list.`);
        res
          .status(201)
          .location(
            `/api/v1/users/${encodeURIComponent(username)}/block-list/${encodeURIComponent(entry.number)}`,
          )
          .json(blockedNumberJson(entry));
      },
    ],
  });

  resource(router, '/users/:username/block-list/:number', {
    delete: [
      owner,
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
