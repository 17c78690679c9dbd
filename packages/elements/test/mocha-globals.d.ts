// The few mocha globals the element tests use (@web/test-runner provides mocha in the page).
type MochaBody = (this: { timeout(ms: number): void }) => void | Promise<unknown>;
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: MochaBody): void;
declare namespace it {
  function skip(name: string, body: MochaBody): void;
}
declare function before(body: MochaBody): void;
declare function after(body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;
