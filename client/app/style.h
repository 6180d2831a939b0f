#pragma once
// Style: the app's light look — Fusion, a font that has Hangul, and the style sheet compiled in
// from resources/style/encore.qss. GUI thread, once at start.

class QApplication;

namespace encore {

void applyStyle(QApplication &app);

} // namespace encore
