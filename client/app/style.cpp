#include "style.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace encore {

void applyStyle(QApplication &app)
{
    app.setStyle(QStyleFactory::create(u"Fusion"_s));
    QFont font = app.font();
    // Latin first, then a Korean face so Hangul never falls back to boxes.
    font.setFamilies({u"Noto Sans"_s, u"Noto Sans CJK KR"_s, u"NanumBarunGothic"_s,
                      u"NanumGothic"_s, u"DejaVu Sans"_s});
    font.setPointSizeF(10);
    app.setFont(font);
    QFile sheet(u":/style/encore.qss"_s);
    if (sheet.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(sheet.readAll()));
}

} // namespace encore
