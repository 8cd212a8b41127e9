import { cases } from '../../rules/weak-target-unreachable.cases';
import { ruleTester } from './ruleTester';

ruleTester('weak-target-unreachable', cases);
