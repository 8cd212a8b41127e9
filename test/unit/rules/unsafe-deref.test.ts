import { cases } from '../../rules/unsafe-deref.cases';
import { ruleTester } from './ruleTester';

ruleTester('unsafe-deref', cases);
