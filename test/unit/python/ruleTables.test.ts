// Every rule's Python table, run on the Python front end.
import { PYTHON_TABLES } from '../../rules/tables';
import { pyRuleTester } from './pyRuleTester';

for (const [rule, cases] of Object.entries(PYTHON_TABLES)) pyRuleTester(rule, cases);
