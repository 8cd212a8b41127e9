import { cases } from '../../rules/invalid-weak-target.cases';
import { ruleTester } from './ruleTester';

ruleTester('invalid-weak-target', cases);
