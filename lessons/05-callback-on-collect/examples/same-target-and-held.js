// Registering an object as its own held value is not just a leak: it throws.
const registry = new FinalizationRegistry(() => {});
const session = { user: 'Ada' };

registry.register(session, 'a description of the session'); // fine
console.log('registered with a description');

registry.register(session, session); // TypeError (weakref/register-holds-target)
console.log('never printed');
