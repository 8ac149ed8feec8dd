// Fails to load: the runner reports the file, not a crash of everything.
import { missing } from './nowhere.mjs';

missing();
