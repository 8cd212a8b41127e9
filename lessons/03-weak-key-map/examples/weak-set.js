// A WeakSet answers one question, "have I seen this object?", without keeping the object alive.
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const validated = new WeakSet(); // forms that passed validation; the page owns the forms

function submit(form) {
  if (!validated.has(form)) {
    console.log(`validating ${form.id}`); // the expensive part, done once per form
    validated.add(form);
  }
  console.log(`submitted ${form.id}`);
}

async function main() {
  const page = { forms: [{ id: 'signup' }, { id: 'login' }] };
  submit(page.forms[0]);
  submit(page.forms[0]); // seen before: no second validation
  submit(page.forms[1]);

  const watcher = new WeakRef(page.forms[1]); // a spectator, so the example can look
  page.forms.pop(); // the page removes the login form; only the WeakSet still "has" it
  await tick();
  gc();
  console.log('login form collected:', watcher.deref() === undefined);
}

main();
