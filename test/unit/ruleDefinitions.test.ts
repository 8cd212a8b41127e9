// Each rule's definition (src/analysis/rules/<id>/definition.ts) is whole and self-consistent, and each of its
// messages renders the text users read: one case per message id, written out by hand.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { interpolate, placeholders } from '../../src/analysis/messages';
import { JAVASCRIPT_CHECKS } from '../../src/analysis/javascript/analyze';
import { PYTHON_CHECKS } from '../../src/analysis/python/analyze';
import { defineRule, type RuleDefinition } from '../../src/analysis/rule';
import { checksFor, renderMessage, RULES, type RuleMessage } from '../../src/analysis/ruleMeta';

type Rendered = RuleMessage & { text: string };

/** For every message id of every rule: data as a finding carries it, and the text it must render. */
const RENDERED: Rendered[] = [
  {
    rule: 'unsafe-deref',
    messageId: 'throws',
    data: { value: 'ref.deref()', use: 'reading .name on it' },
    text: 'ref.deref() is undefined once the target has been collected, and reading .name on it then throws a TypeError',
  },
  {
    rule: 'unsafe-deref',
    messageId: 'nonNull',
    data: { value: 'o (from ref.deref())' },
    text: 'o (from ref.deref())! hides that deref() returns undefined once the target has been collected',
  },
  {
    rule: 'unsafe-deref',
    messageId: 'cast',
    data: { value: 'ref.deref()' },
    text: 'casting ref.deref() to a type without undefined hides that deref() returns undefined once the target has been collected',
  },
  {
    rule: 'unsafe-deref',
    messageId: 'checkedBeforeAwait',
    data: { call: 'this.ref.deref()' },
    text: 'this.ref.deref() was checked before an await or yield, but the target can be collected while waiting (deref() results are only kept alive until the job ends): this deref() can return undefined',
  },
  {
    rule: 'unsafe-deref',
    messageId: 'resultUnchecked',
    data: { ref: 'r', use: 'called' },
    text: 'r() returns None once the target has been collected, and the code has called the result without a None check',
  },
  {
    rule: 'unsafe-deref',
    messageId: 'variableUnchecked',
    data: { name: 'o', ref: 'self._ref', use: 'subscripted' },
    text: 'o comes from self._ref(), which returns None once the target has been collected, and the code has subscripted it without a None check',
  },
  { rule: 'unsafe-deref', messageId: 'optionalChain', data: {}, text: 'Use optional chaining (?.)' },
  { rule: 'unsafe-deref', messageId: 'readOnce', data: {}, text: 'Read deref() once into a const and check it' },
  { rule: 'unsafe-deref', messageId: 'returnEarly', data: { name: 'o' }, text: 'Return early when o is None' },
  {
    rule: 'unsafe-deref',
    messageId: 'callOnce',
    data: { ref: 'r' },
    text: 'Call r() once and check the result for None',
  },
  {
    rule: 'invalid-weak-target',
    messageId: 'cannotBeHeld',
    data: { api: 'new WeakRef()', value: 'a string' },
    text: 'new WeakRef() throws a TypeError here: a string cannot be held weakly (only objects and non-registered symbols can)',
  },
  {
    rule: 'invalid-weak-target',
    messageId: 'tokenCannotBeHeld',
    data: { api: 'FinalizationRegistry#register()', value: 'a number' },
    text: 'FinalizationRegistry#register() throws a TypeError here: the unregister token is a number, which cannot be held weakly',
  },
  {
    rule: 'invalid-weak-target',
    messageId: 'neverAKey',
    data: { api: 'WeakMap#get()', result: 'returns undefined', value: 'a string' },
    text: 'WeakMap#get() always returns undefined here: a string can never be a WeakMap key',
  },
  {
    rule: 'invalid-weak-target',
    messageId: 'neverAMember',
    data: { api: 'WeakSet#has()', result: 'returns false', value: 'null' },
    text: 'WeakSet#has() always returns false here: null can never be in a WeakSet',
  },
  {
    rule: 'invalid-weak-target',
    messageId: 'cannotReference',
    data: { api: 'weakref.ref', type: 'list' },
    text: "weakref.ref raises TypeError here: cannot create weak reference to 'list' object",
  },
  {
    rule: 'invalid-weak-target',
    messageId: 'cannotReferenceBecause',
    data: { api: 'weakref.ref', type: 'Point', reason: 'Point has __slots__ without __weakref__' },
    text: "weakref.ref raises TypeError here: cannot create weak reference to 'Point' object (Point has __slots__ without __weakref__)",
  },
  {
    rule: 'invalid-weak-target',
    messageId: 'useStrongCollection',
    data: { collection: 'Map', weakCollection: 'WeakMap' },
    text: 'Use a Map: this WeakMap only ever sees primitive keys',
  },
  {
    rule: 'register-holds-target',
    messageId: 'heldIsTarget',
    data: {},
    text: 'register(target, held) throws a TypeError: the held value is the target itself',
  },
  {
    rule: 'register-holds-target',
    messageId: 'heldReachesTarget',
    data: {},
    text: 'The held value refers to the target, and a registry holds its held values strongly: the target is never collected and the cleanup never runs',
  },
  {
    rule: 'register-holds-target',
    messageId: 'callbackReachesTarget',
    data: { target: 'conn' },
    text: "This registry's cleanup callback refers to conn, which keeps the target alive: it is never collected and the callback never runs",
  },
  {
    rule: 'register-holds-target',
    messageId: 'finalizeCallbackReachesTarget',
    data: { api: 'weakref.finalize', how: 'it is a bound method of obj', target: 'obj' },
    text: 'weakref.finalize holds its callback strongly, and it is a bound method of obj: obj is never collected, so the finalizer runs only at interpreter exit',
  },
  {
    rule: 'register-holds-target',
    messageId: 'finalizeArgumentReachesTarget',
    data: { api: 'finalize', how: 'it is obj itself', target: 'obj' },
    text: 'finalize holds its arguments strongly, and it is obj itself: obj is never collected, so the finalizer runs only at interpreter exit',
  },
  {
    rule: 'weak-target-unreachable',
    messageId: 'freshValue',
    data: { api: 'new WeakRef()', value: 'an object literal' },
    text: 'new WeakRef() gets an object literal that nothing else holds: it can be collected at the next garbage collection',
  },
  {
    rule: 'weak-target-unreachable',
    messageId: 'freshInstance',
    data: { api: 'WeakSet#add()', className: 'Listener' },
    text: 'WeakSet#add() gets a new Listener that nothing else holds: it can be collected at the next garbage collection',
  },
  {
    rule: 'weak-target-unreachable',
    messageId: 'boundFunction',
    data: { api: 'new WeakRef()' },
    text: "new WeakRef() gets a new bound function that nothing else holds: it can be collected at once, even while its object lives; hold the object weakly and call its method (this is what Python's WeakMethod is for)",
  },
  {
    rule: 'weak-target-unreachable',
    messageId: 'boundMethod',
    data: { expression: 'self.on_event', consequence: 'the entry disappears at once' },
    text: 'self.on_event makes a new bound method that nothing else holds, so the entry disappears at once',
  },
  {
    rule: 'weak-target-unreachable',
    messageId: 'boundMethodUseWeakMethod',
    data: { expression: 'obj.method', consequence: 'the reference is dead at once' },
    text: 'obj.method makes a new bound method that nothing else holds, so the reference is dead at once: use weakref.WeakMethod',
  },
  {
    rule: 'weak-target-unreachable',
    messageId: 'freshObject',
    data: { value: 'A new Node()', api: 'weakref.ref', consequence: 'the reference is dead at once' },
    text: 'A new Node() that nothing else holds reaches weakref.ref, so the reference is dead at once: keep a strong reference to it first',
  },
  { rule: 'weak-target-unreachable', messageId: 'useWeakMethod', data: {}, text: 'Use weakref.WeakMethod' },
  {
    rule: 'weak-key-held-by-value',
    messageId: 'valueHoldsKey',
    data: { how: 'it is a bound method of the key' },
    text: 'This WeakKeyDictionary value holds its key (it is a bound method of the key), so the key is never collected and the entry never goes away',
  },
  {
    rule: 'weak-key-held-by-value',
    messageId: 'storedUnderKey',
    data: { function: 'subscribe', key: 'p', how: 'it is a bound method of p' },
    text: 'subscribe() stores this value in a WeakKeyDictionary under p, and it is a bound method of p: the key is never collected and the entry never goes away',
  },
  {
    rule: 'weak-ref-always-truthy',
    messageId: 'alwaysTruthy',
    data: { name: 'this.ref' },
    text: 'this.ref is a WeakRef, an object, so it is always truthy, even after its target has been collected: test this.ref.deref() instead',
  },
  {
    rule: 'weak-ref-always-truthy',
    messageId: 'neverNullish',
    data: { name: 'ref', value: 'null', result: 'true' },
    text: 'ref is a WeakRef and never null, so this comparison is always true, even after its target has been collected: compare ref.deref() instead',
  },
  {
    rule: 'weak-ref-always-truthy',
    messageId: 'alwaysTrue',
    data: { name: 'r', api: 'weakref.ref' },
    text: 'r is a weakref.ref, which has no __bool__, so it is always true, even after its target has been collected: test r() is not None instead',
  },
  {
    rule: 'weak-ref-always-truthy',
    messageId: 'neverNone',
    data: { name: 'self._cb', api: 'weakref.WeakMethod', result: 'False' },
    text: 'self._cb is a weakref.WeakMethod and never None, so this comparison is always False, even after its target has been collected: compare self._cb() instead',
  },
  {
    rule: 'weak-ref-always-truthy',
    messageId: 'testTarget',
    data: { replacement: 'r() is not None' },
    text: 'Test the target: r() is not None',
  },
  {
    rule: 'weak-ref-always-truthy',
    messageId: 'readOnce',
    data: { name: 'ref' },
    text: 'Read ref.deref() once into a const and test that',
  },
  {
    rule: 'cleanup-removes-live-entry',
    messageId: 'deletesByKey',
    data: { map: 'channels', key: 'held.name' },
    text: "this cleanup deletes channels's entry for held.name without reading it again: if the key was set again while the old target was still alive, it deletes the live entry",
  },
  {
    rule: 'cleanup-removes-live-entry',
    messageId: 'finalizeDeletesByKey',
    data: { map: 'self._conns', key: 'host' },
    text: "this finalizer removes self._conns's entry for host without reading it again: if the key was set again while the old object was still alive, it removes the live entry",
  },
  {
    rule: 'cleanup-removes-live-entry',
    messageId: 'checkEntry',
    data: {},
    text: 'Delete only when the entry is still dead',
  },
  {
    rule: 'weak-callable-as-callback',
    messageId: 'returnsTarget',
    data: { value: 'self._run', api: 'weakref.WeakMethod', callee: 'threading.Thread' },
    text: 'self._run is a weakref.WeakMethod handed to threading.Thread as a callback: calling it returns its target and does not call it, so nothing runs',
  },
  {
    rule: 'weak-callable-as-callback',
    messageId: 'callWhenAlive',
    data: { name: '_call_unload' },
    text: 'Pass _call_unload, a function that calls the target only while it is alive',
  },
  {
    rule: 'collected-in-same-job',
    messageId: 'keptAlive',
    data: { call: 'ref.deref()', how: 'created the WeakRef' },
    text: 'ref.deref() is checked for collection after gc(), in the same job that created the WeakRef: the target is kept alive until the job ends, so this check never sees it collected; await a timer before gc()',
  },
  {
    rule: 'unsafe-deref',
    messageId: 'calledAgain',
    data: { ref: 'self._r', use: 'called' },
    text: 'self._r() is called again after its check, and the result is called: the target can be collected between the two calls (another thread, or a collection an allocation triggers), so call it once into a variable and check that',
  },
];

describe('message interpolation, as ESLint does it', () => {
  it('fills {{ name }} with or without spaces, keeps a placeholder it has no data for, and never re-reads inserted text', () => {
    assert.equal(interpolate('{{a}} and {{ b }}', { a: 'x', b: 'y' }), 'x and y');
    assert.equal(interpolate('{{ missing }} stays', {}), '{{ missing }} stays');
    assert.equal(interpolate('{{ a }}', { a: '{{ b }}', b: 'no' }), '{{ b }}');
    assert.deepEqual(placeholders('{{ a }}, {{b}} and {{ a }}'), ['a', 'b', 'a']);
  });
});

describe('rule definitions', () => {
  it('have one text case per message id, no more', () => {
    const defined = RULES.flatMap((r) => Object.keys(r.messages).map((id) => `${r.id}/${id}`)).sort();
    const tested = RENDERED.map((c) => `${c.rule}/${c.messageId}`).sort();
    assert.deepEqual(tested, defined);
  });

  for (const c of RENDERED) {
    it(`${c.rule}/${c.messageId} renders its text, every placeholder filled`, () => {
      const template = RULES.find((r) => r.id === c.rule)!.messages[c.messageId].text;
      assert.deepEqual(Object.keys(c.data ?? {}).sort(), [...new Set(placeholders(template))].sort());
      assert.equal(renderMessage(c), c.text);
    });
  }

  for (const r of RULES) {
    it(`${r.id}: its fixes and suggestions name its own messages, each once, and its facts derive from them`, () => {
      const titles = [...r.fixes, ...r.suggestions];
      assert.equal(new Set(titles).size, titles.length, 'a message titles both a fix and a suggestion, or twice');
      for (const id of titles) assert.ok(id in r.messages, `${id} is not one of ${r.id}'s messages`);
      assert.equal(r.fixable, r.fixes.length > 0);
      assert.equal(r.hasSuggestions, r.suggestions.length > 0);
      assert.equal(r.docs, `docs/rules/${r.id}.md`);
      assert.ok(r.docsUrl.endsWith(`/docs/rules/${r.id}.md`));
      assert.ok(r.languages.length > 0);
    });
  }

  it('tag each message with languages the rule applies to, and give each language one message at least', () => {
    for (const r of RULES) {
      const tagged = new Set(Object.values(r.messages).flatMap((m) => m.languages));
      assert.deepEqual([...tagged].sort(), [...r.languages].sort(), r.id);
    }
  });

  it("give each front end one check per rule defined for its language, in the list's order, bound to its definition", () => {
    assert.deepEqual(
      JAVASCRIPT_CHECKS.map((c) => c.definition),
      RULES.filter((r) => r.languages.includes('javascript')),
    );
    assert.deepEqual(
      PYTHON_CHECKS.map((c) => c.definition),
      RULES.filter((r) => r.languages.includes('python')),
    );
  });

  it('refuse a front end whose folder has no check for a rule of its language, or a check bound to another rule', () => {
    const message = { languages: ['javascript'] as const, text: 'x' };
    const both: RuleDefinition = defineRule({
      id: 'both',
      defaultSeverity: 'warning',
      description: '',
      lesson: '',
      languages: ['javascript', 'python'],
      messages: { m: message },
      fixes: [],
      suggestions: [],
    });
    const jsOnly: RuleDefinition = { ...both, id: 'js-only', languages: ['javascript'] };
    const check = (definition: RuleDefinition) => ({ definition });
    const rules = [both, jsOnly];
    assert.throws(() => checksFor('python', () => undefined, rules), /rule both is defined for python, but/);
    assert.throws(() => checksFor('javascript', () => check(both), rules), /rule js-only is defined for javascript/);
    const loaded: string[] = [];
    const found = checksFor(
      'python',
      (id) => {
        loaded.push(id);
        return check(both);
      },
      rules,
    );
    assert.deepEqual(loaded, ['both'], 'a rule not defined for the language is not looked for');
    assert.deepEqual(
      found.map((c) => c.definition.id),
      ['both'],
    );
  });

  it('have a folder each, holding a check file for exactly the languages the definition names', () => {
    const rulesDir = path.join(__dirname, '..', '..', '..', 'src', 'analysis', 'rules');
    const folders = fs.readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory());
    assert.deepEqual(folders.map((d) => d.name).sort(), RULES.map((r) => r.id).sort());
    for (const r of RULES)
      for (const language of ['javascript', 'python'] as const)
        assert.equal(
          fs.existsSync(path.join(rulesDir, r.id, `${language}.ts`)),
          r.languages.includes(language),
          `${r.id}/${language}`,
        );
  });
});
