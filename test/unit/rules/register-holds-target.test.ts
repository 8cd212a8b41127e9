import { cases } from '../../rules/register-holds-target.cases';
import { ruleTester } from './ruleTester';

ruleTester('register-holds-target', cases);
