import {
  Given,
  Then,
  When,
  expectEqual,
  freshNumberReported,
  read,
  type ReportCategory,
  type ScenarioWorld,
  type SpamLevel,
} from '../../support';

// 繁體中文的步驟：與英文步驟共用 support/ 的同一套邏輯。

Given(
  '有一個號碼已被檢舉 {int} 次，類別為「{category}」',
  async function (this: ScenarioWorld, times: number, category: ReportCategory) {
    this.theNumber = await freshNumberReported(this, [[category, times]]);
  },
);

When('來電者查詢這個號碼', async function (this: ScenarioWorld) {
  await this.api.lookUp(this.theNumber);
});

Then('風險等級為「{spam level}」', function (this: ScenarioWorld, level: SpamLevel) {
  const lookup = read.lookup(this.lastResponse);
  expectEqual(`${lookup.number} 的風險等級`, lookup.spamLevel, level);
});

Then('檢舉次數為 {int}', function (this: ScenarioWorld, count: number) {
  const lookup = read.lookup(this.lastResponse);
  expectEqual(`${lookup.number} 的檢舉次數`, lookup.reportCount, count);
});
