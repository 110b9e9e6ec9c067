import type { Router } from 'express';
import { authorize } from '../http/auth';
import { sendProblem, sendValidationErrors } from '../http/problem';
import { checkBody, checkPath, rules } from '../http/validation';
import type { ServiceContext } from './context';

function entryJson(entry: {
  number: string;
  label: string | null;
  blockedAt: Date;
}): Record<string, unknown> {
  return { number: entry.number, label: entry.label, blockedAt: entry.blockedAt.toISOString() };
}

export function blockListRoutes(router: Router, { store }: ServiceContext): void {
  router.get('/users/:username/block-list', (req, res) => {
    const username = authorize(store, req, res, String(req.params.username));
    if (!username) return;
    const items = store.blockList(username);
    res.json({ items: items.map(entryJson), total: items.length });
  });

  router.post('/users/:username/block-list', (req, res) => {
    const username = authorize(store, req, res, String(req.params.username));
    if (!username) return;
    const errors = checkBody(req.body, {
      number: { ...rules.number, required: true },
      label: { type: 'string', minLength: 1, maxLength: 60 },
    });
    if (errors.length > 0) return sendValidationErrors(res, errors);
    const { number, label } = req.body as { number: string; label?: string };
    const entry = store.block(username, number, label ?? null);
    if (entry === 'duplicate') return sendProblem(res, 409, `${number} is already on your block list.`);
    res
      .status(201)
      .location(`/api/v1/users/${encodeURIComponent(username)}/block-list/${encodeURIComponent(number)}`)
      .json(entryJson(entry));
  });

  router.delete('/users/:username/block-list/:number', (req, res) => {
    const username = authorize(store, req, res, String(req.params.username));
    if (!username) return;
    const number = String(req.params.number);
    const errors = checkPath('number', number, rules.number);
    if (errors.length > 0) return sendValidationErrors(res, errors);
    if (!store.unblock(username, number))
      return sendProblem(res, 404, `${number} is not on your block list.`);
    res.status(204).end();
  });
}
