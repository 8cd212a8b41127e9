// Every rule's JavaScript table, run on the engine itself.
import { TABLES } from '../../rules/tables';
import { ruleTester } from './ruleTester';

for (const [rule, cases] of Object.entries(TABLES)) ruleTester(rule, cases);
