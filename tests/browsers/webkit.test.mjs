// The widget in WebKitGTK's MiniBrowser (WebKit, Safari's engine family), under Xvfb.
import * as webkit from './webkit.mjs';
import { testWidgetIn } from './cases.mjs';

testWidgetIn(webkit);
