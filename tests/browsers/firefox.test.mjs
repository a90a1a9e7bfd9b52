// The widget in Firefox ESR (Gecko), in a real window under Xvfb.
import * as firefox from './firefox.mjs';
import { testWidgetIn } from './cases.mjs';

testWidgetIn(firefox);
