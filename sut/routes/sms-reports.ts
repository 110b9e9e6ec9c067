import type { Router } from 'express';
import type { ReportCategory } from '../domain/types';
import { formOrText, smsBodyOf, type SmsBody } from '../http/form';
import { sendProblem, sendValidationErrors } from '../http/problem';
import { resource } from '../http/resource';
import { checkBody, phoneNumber, type BodyRules } from '../http/validation';

/** The keywords people text, and the category each stands for. */
const KEYWORDS: Readonly<Record<string, ReportCategory>> = {
  SPAM: 'telemarketing',
  SCAM: 'scam',
  FRAUD: 'fraud',
  ROBOCALL: 'robocall',
};

const RULES: BodyRules = {
  from: { ...phoneNumber, required: true },
  keyword: { type: 'string', required: true, enum: Object.keys(KEYWORDS) },
  number: { ...phoneNumber, required: true },
  attempts: { type: 'integer', minimum: 1 },
};

/**
 * Reports forwarded by the SMS gateway (`reportBySms`): a form, a multipart form with a
 * screenshot, or the SMS text `SPAM +886955000111`. Queued for review, so nothing is stored.
 */
export function smsReportRoutes(router: Router): void {
  resource(router, '/sms-reports', {
    post: [
      formOrText(),
      (req, res) => {
        const sent = smsBodyOf(req);
        if (!sent) {
          return sendProblem(
            res,
            415,
            'Send a form, a multipart form, an <sms> XML document or the SMS text (text/plain or application/octet-stream).',
          );
        }
        const fields = fieldsOf(sent);
        const errors = checkBody(fields, RULES);
        if (errors.length > 0) return sendValidationErrors(res, errors);
        const { number, keyword } = fields as { number: string; keyword: string };
        const screenshot = sent.kind === 'form' && sent.files.includes('screenshot');
        res.status(202).json({
          number,
          category: KEYWORDS[keyword],
          status: 'queued',
          ...(sent.kind === 'form' ? { screenshot } : {}),
        });
      },
    ],
  });
}

/** The fields to check: form text read as the types the rules want, or the SMS text split. */
function fieldsOf(sent: SmsBody): Record<string, unknown> {
  if (sent.kind === 'text') {
    const [keyword = '', number = ''] = sent.text.trim().split(/\s+/);
    // The sender of a plain SMS is the gateway's own short code line.
    return { from: '+886900000000', keyword: keyword.toUpperCase(), number };
  }
  const { attempts, ...rest } = sent.fields;
  return {
    ...rest,
    ...(attempts === undefined ? {} : { attempts: /^\d+$/.test(attempts) ? Number(attempts) : attempts }),
  };
}
