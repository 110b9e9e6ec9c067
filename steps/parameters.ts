import { defineParameterType } from '@cucumber/cucumber';
import { ACCOUNT_ACTIONS, type AccountAction } from '../support/api/account-actions';
import type { ReportCategory, SpamLevel } from '../support/generated';
import {
  CATEGORY_WORDS,
  PERSONAS,
  SPAM_LEVEL_WORDS,
  alternation,
  lookUpWord,
} from '../support/domain/vocabulary';
import { HOSTILE_INPUTS, type HostileInput } from '../support/security/hostile-input';
import { CREDENTIALS_WORDS, credentialsFrom } from '../support/security/protected-operations';

defineParameterType({
  name: 'persona',
  regexp: alternation(PERSONAS),
  transformer: (name: string) => name,
});

defineParameterType({
  name: 'phone',
  regexp: /\+\d{7,15}/,
  transformer: (number: string) => number,
});

defineParameterType({
  name: 'spam level',
  regexp: alternation(Object.keys(SPAM_LEVEL_WORDS)),
  transformer: (word: string): SpamLevel => lookUpWord(SPAM_LEVEL_WORDS, word, 'spam level'),
});

defineParameterType({
  name: 'category',
  regexp: alternation(Object.keys(CATEGORY_WORDS)),
  transformer: (word: string): ReportCategory => lookUpWord(CATEGORY_WORDS, word, 'report category'),
});

defineParameterType({
  name: 'account action',
  regexp: alternation(Object.keys(ACCOUNT_ACTIONS)),
  transformer: (action: string) => action as AccountAction,
});

defineParameterType({
  name: 'credentials',
  regexp: CREDENTIALS_WORDS,
  transformer: (words: string) => credentialsFrom(words),
});

defineParameterType({
  name: 'hostile input',
  regexp: alternation(Object.keys(HOSTILE_INPUTS)),
  transformer: (words: string) => words as HostileInput,
});
