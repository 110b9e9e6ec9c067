import {
  ACCOUNT_ACTIONS,
  CATEGORY_WORDS,
  CREDENTIALS_WORDS,
  HOSTILE_INPUTS,
  PERSONAS,
  SPAM_LEVEL_WORDS,
  alternation,
  credentialsFrom,
  defineParameterType,
  lookUpWord,
  type AccountAction,
  type Actor,
  type CredentialsUsed,
  type HostileInput,
  type ReportCategory,
  type ScenarioWorld,
  type SpamLevel,
} from '../support';

// A person the features name is an actor of the scenario: the same one each time the name comes
// back, with their own account, token, browser page and notes.
defineParameterType({
  name: 'persona',
  regexp: alternation(PERSONAS),
  transformer: function (this: ScenarioWorld, name: string): Actor {
    return this.actorCalled(name);
  },
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
  transformer: (words: string): CredentialsUsed => credentialsFrom(words),
});

defineParameterType({
  name: 'hostile input',
  regexp: alternation(Object.keys(HOSTILE_INPUTS)),
  transformer: (words: string) => words as HostileInput,
});
