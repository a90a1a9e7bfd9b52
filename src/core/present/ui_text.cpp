#include "core/present/ui_text.h"

#include <array>

namespace pv {

namespace {

struct Row {
    Phrase phrase;
    std::array<std::string_view, kLanguageCount> text;  // in the order of Language
};

// Every phrase in every language. To add a language: a column here (and in
// kTags below), its plural rule in plural_form() and its numbers in
// count_text(); the test "the string table is complete" says what is missing.
constexpr Row kRows[] = {
    {Phrase::loading_bundle,
     {"Loading publications and jobs…",
      "Publikationen und Stellen werden geladen…",
      "Cargando publicaciones y empleos…",
      "Chargement des publications et des offres…",
      "正在加载出版物和职位…",
      "論文と求人を読み込んでいます…",
      "جارٍ تحميل المنشورات والوظائف…"}},
    {Phrase::reading_kilobytes,
     {"Reading {0} KB of {1} KB",
      "{0} KB von {1} KB gelesen",
      "Leyendo {0} KB de {1} KB",
      "Lecture : {0} Ko sur {1} Ko",
      "正在读取 {0} KB / {1} KB",
      "{0} KB / {1} KB を読み込み中",
      "جارٍ قراءة {0} كيلوبايت من {1} كيلوبايت"}},
    {Phrase::reading_items,
     {"Reading {0} of {1}",
      "Lesen: {0} von {1}",
      "Leyendo {0} de {1}",
      "Lecture : {0} sur {1}",
      "正在读取 {0} / {1}",
      "読み込み中 {0} / {1}",
      "جارٍ القراءة: {0} من {1}"}},
    {Phrase::indexing_items,
     {"Indexing {0} of {1}",
      "Indizieren: {0} von {1}",
      "Indexando {0} de {1}",
      "Indexation : {0} sur {1}",
      "正在建立索引 {0} / {1}",
      "索引を作成中 {0} / {1}",
      "جارٍ الفهرسة: {0} من {1}"}},
    {Phrase::items_read,
     {"{n} item read|{n} items read",
      "{n} Eintrag gelesen|{n} Einträge gelesen",
      "{n} elemento leído|{n} elementos leídos",
      "{n} élément lu|{n} éléments lus",
      "已读取 {n} 项",
      "{n} 件を読み込みました",
      "لم يُقرأ أي عنصر|قُرئ عنصر واحد|قُرئ عنصران|قُرئت {n} عناصر|قُرئ {n} عنصرًا|قُرئ {n} عنصر"}},
    {Phrase::kilobytes_of,
     {"{0} KB of {1} KB",
      "{0} KB von {1} KB",
      "{0} KB de {1} KB",
      "{0} Ko sur {1} Ko",
      "{0} KB / {1} KB",
      "{0} KB / {1} KB",
      "{0} كيلوبايت من {1} كيلوبايت"}},
    {Phrase::kilobytes,
     {"{0} KB",
      "{0} KB",
      "{0} KB",
      "{0} Ko",
      "{0} KB",
      "{0} KB",
      "{0} كيلوبايت"}},
    {Phrase::could_not_load,
     {"This list could not be loaded",
      "Diese Liste konnte nicht geladen werden",
      "No se pudo cargar esta lista",
      "Cette liste n’a pas pu être chargée",
      "无法加载此列表",
      "このリストを読み込めませんでした",
      "تعذّر تحميل هذه القائمة"}},
    {Phrase::try_again,
     {"Try again",
      "Erneut versuchen",
      "Reintentar",
      "Réessayer",
      "重试",
      "再試行",
      "إعادة المحاولة"}},
    {Phrase::search_hint,
     {"Search {0} and {1}",
      "{0} und {1} durchsuchen",
      "Buscar en {0} y {1}",
      "Rechercher parmi {0} et {1}",
      "搜索 {0}和{1}",
      "{0}と{1}を検索",
      "ابحث في {0} و{1}"}},
    {Phrase::publications_counted,
     {"{n} publication|{n} publications",
      "{n} Publikation|{n} Publikationen",
      "{n} publicación|{n} publicaciones",
      "{n} publication|{n} publications",
      "{n} 篇出版物",
      "{n} 件の論文",
      "{n} منشور|منشور واحد|منشورَين|{n} منشورات|{n} منشورًا|{n} منشور"}},
    {Phrase::jobs_counted,
     {"{n} job|{n} jobs",
      "{n} Stelle|{n} Stellen",
      "{n} empleo|{n} empleos",
      "{n} offre d’emploi|{n} offres d’emploi",
      "{n} 个职位",
      "{n} 件の求人",
      "{n} وظيفة|وظيفة واحدة|وظيفتَين|{n} وظائف|{n} وظيفةً|{n} وظيفة"}},
    {Phrase::search_tips,
     {"Search tips",
      "Suchtipps",
      "Consejos de búsqueda",
      "Astuces de recherche",
      "搜索技巧",
      "検索のヒント",
      "نصائح البحث"}},
    {Phrase::search_tips_text,
     {"words          every word must match; the last one may be unfinished\n\"exact phrase\"  words next to each other\n-word          leave out entries with this word",
      "Wörter          jedes Wort muss passen; das letzte darf unvollständig sein\n\"genaue Phrase\"  Wörter direkt nebeneinander\n-Wort           Einträge mit diesem Wort auslassen",
      "palabras        todas deben coincidir; la última puede estar incompleta\n\"frase exacta\"  palabras seguidas\n-palabra        excluye las entradas con esta palabra",
      "mots            chaque mot doit correspondre ; le dernier peut être incomplet\n\"phrase exacte\"  mots côte à côte\n-mot            exclut les entrées contenant ce mot",
      "词语            每个词都必须匹配；最后一个可以不完整\n\"精确短语\"      相邻的词语\n-词语           排除含有此词的条目",
      "語句            すべての語に一致。最後の語は途中まででも可\n\"完全一致\"      連続した語句\n-語句           この語を含む項目を除外",
      "كلمات           يجب أن تطابق كل كلمة، وقد تكون الأخيرة غير مكتملة\n\"عبارة تامة\"    كلمات متجاورة\n-كلمة           استبعاد العناصر التي تحتوي هذه الكلمة"}},
    {Phrase::search_keys,
     {"Press / to search, Esc to clear, ↑ ↓ to move, Enter to open.",
      "/ zum Suchen, Esc zum Leeren, ↑ ↓ zum Bewegen, Enter zum Öffnen.",
      "/ para buscar, Esc para borrar, ↑ ↓ para moverse, Intro para abrir.",
      "/ pour rechercher, Échap pour effacer, ↑ ↓ pour se déplacer, Entrée pour ouvrir.",
      "按 / 搜索，Esc 清除，↑ ↓ 移动，Enter 打开。",
      "/ で検索、Esc で消去、↑ ↓ で移動、Enter で開く。",
      "اضغط / للبحث، وEsc للمسح، و↑ ↓ للتنقل، وEnter للفتح."}},
    {Phrase::kind_all,
     {"All",
      "Alle",
      "Todo",
      "Tout",
      "全部",
      "すべて",
      "الكل"}},
    {Phrase::kind_publications,
     {"Publications",
      "Publikationen",
      "Publicaciones",
      "Publications",
      "出版物",
      "論文",
      "المنشورات"}},
    {Phrase::kind_jobs,
     {"Jobs",
      "Stellen",
      "Empleos",
      "Offres",
      "职位",
      "求人",
      "الوظائف"}},
    {Phrase::facet_year,
     {"Year",
      "Jahr",
      "Año",
      "Année",
      "年份",
      "年",
      "السنة"}},
    {Phrase::facet_venue,
     {"Venue",
      "Erschienen in",
      "Publicado en",
      "Publié dans",
      "发表于",
      "掲載先",
      "مكان النشر"}},
    {Phrase::facet_location,
     {"Location",
      "Ort",
      "Ubicación",
      "Lieu",
      "地点",
      "勤務地",
      "الموقع"}},
    {Phrase::facet_team,
     {"Team",
      "Team",
      "Equipo",
      "Équipe",
      "团队",
      "チーム",
      "الفريق"}},
    {Phrase::facet_author,
     {"Author",
      "Autor",
      "Autor",
      "Auteur",
      "作者",
      "著者",
      "المؤلف"}},
    {Phrase::facet_tag,
     {"Tag",
      "Schlagwort",
      "Etiqueta",
      "Mot-clé",
      "标签",
      "タグ",
      "الوسم"}},
    {Phrase::clear_filters,
     {"Clear filters",
      "Filter zurücksetzen",
      "Quitar filtros",
      "Effacer les filtres",
      "清除筛选",
      "絞り込みを解除",
      "مسح عوامل التصفية"}},
    {Phrase::filters,
     {"Filters",
      "Filter",
      "Filtros",
      "Filtres",
      "筛选",
      "絞り込み",
      "التصفية"}},
    {Phrase::filters_picked,
     {"Filters ({0})",
      "Filter ({0})",
      "Filtros ({0})",
      "Filtres ({0})",
      "筛选（{0}）",
      "絞り込み（{0}）",
      "التصفية ({0})"}},
    {Phrase::no_facet_values,
     {"None among these results",
      "Keine in diesen Ergebnissen",
      "Ninguno en estos resultados",
      "Aucun dans ces résultats",
      "这些结果中没有",
      "この結果にはありません",
      "لا شيء ضمن هذه النتائج"}},
    {Phrase::sort_by,
     {"Sort: {0}",
      "Sortierung: {0}",
      "Orden: {0}",
      "Tri : {0}",
      "排序：{0}",
      "並べ替え：{0}",
      "الترتيب: {0}"}},
    {Phrase::sort_relevance,
     {"Relevance",
      "Relevanz",
      "Relevancia",
      "Pertinence",
      "相关性",
      "関連度",
      "الصلة"}},
    {Phrase::sort_rank,
     {"Rank",
      "Rang",
      "Rango",
      "Rang",
      "排名",
      "ランク",
      "المرتبة"}},
    {Phrase::sort_newest,
     {"Newest",
      "Neueste",
      "Más recientes",
      "Plus récents",
      "最新",
      "新しい順",
      "الأحدث"}},
    {Phrase::sort_title,
     {"Title",
      "Titel",
      "Título",
      "Titre",
      "标题",
      "タイトル",
      "العنوان"}},
    {Phrase::results_counted,
     {"{n} result|{n} results",
      "{n} Ergebnis|{n} Ergebnisse",
      "{n} resultado|{n} resultados",
      "{n} résultat|{n} résultats",
      "{n} 条结果",
      "{n} 件の結果",
      "لا نتائج|نتيجة واحدة|نتيجتان|{n} نتائج|{n} نتيجة|{n} نتيجة"}},
    {Phrase::close_ones_counted,
     {"{n} close one|{n} close ones",
      "{n} ähnlicher Treffer|{n} ähnliche Treffer",
      "{n} resultado parecido|{n} resultados parecidos",
      "{n} résultat proche|{n} résultats proches",
      "{n} 条相近结果",
      "{n} 件の近い結果",
      "لا نتائج قريبة|نتيجة قريبة واحدة|نتيجتان قريبتان|{n} نتائج قريبة|{n} نتيجة قريبة|{n} نتيجة قريبة"}},
    {Phrase::no_exact_match,
     {"No exact match — showing {0}",
      "Kein genauer Treffer – stattdessen {0}",
      "Sin coincidencias exactas; se muestran: {0}",
      "Aucune correspondance exacte — {0}",
      "没有完全匹配，显示 {0}",
      "完全一致なし — {0}を表示",
      "لا تطابق تام — تُعرض {0}"}},
    {Phrase::show_problems,
     {"Show {0} in this bundle",
      "{0} in diesem Bundle anzeigen",
      "Mostrar {0} en este paquete",
      "Afficher {0} dans ce lot",
      "显示此数据包中的 {0}",
      "このバンドルの{0}を表示",
      "عرض {0} في هذه الحزمة"}},
    {Phrase::hide_problems,
     {"Hide {0} in this bundle",
      "{0} in diesem Bundle ausblenden",
      "Ocultar {0} en este paquete",
      "Masquer {0} dans ce lot",
      "隐藏此数据包中的 {0}",
      "このバンドルの{0}を隠す",
      "إخفاء {0} في هذه الحزمة"}},
    {Phrase::problems_counted,
     {"{n} problem|{n} problems",
      "{n} Problem|{n} Probleme",
      "{n} problema|{n} problemas",
      "{n} problème|{n} problèmes",
      "{n} 个问题",
      "{n} 件の問題",
      "لا مشكلات|مشكلة واحدة|مشكلتَين|{n} مشكلات|{n} مشكلةً|{n} مشكلة"}},
    {Phrase::nothing_matches_filters,
     {"Nothing matches these filters.",
      "Nichts passt zu diesen Filtern.",
      "Nada coincide con estos filtros.",
      "Rien ne correspond à ces filtres.",
      "没有符合这些筛选条件的结果。",
      "この条件に一致するものはありません。",
      "لا شيء يطابق عوامل التصفية هذه."}},
    {Phrase::no_results_for,
     {"No results for “{0}”.",
      "Keine Ergebnisse für „{0}“.",
      "No hay resultados para «{0}».",
      "Aucun résultat pour « {0} ».",
      "没有“{0}”的结果。",
      "「{0}」の結果はありません。",
      "لا نتائج لـ«{0}»."}},
    {Phrase::clear_search,
     {"Clear search",
      "Suche leeren",
      "Borrar la búsqueda",
      "Effacer la recherche",
      "清除搜索",
      "検索をクリア",
      "مسح البحث"}},
    {Phrase::show_everything,
     {"Show everything",
      "Alles anzeigen",
      "Mostrar todo",
      "Tout afficher",
      "显示全部",
      "すべて表示",
      "عرض الكل"}},
    {Phrase::kind_job,
     {"Job",
      "Stelle",
      "Empleo",
      "Offre",
      "职位",
      "求人",
      "وظيفة"}},
    {Phrase::kind_paper,
     {"Paper",
      "Publikation",
      "Artículo",
      "Article",
      "论文",
      "論文",
      "بحث"}},
    {Phrase::abstract_truncated,
     {"The source shows only the beginning of this abstract; the full text is at the paper’s link.",
      "Die Quelle zeigt nur den Anfang dieser Zusammenfassung; der volle Text steht unter dem Link zur Publikation.",
      "La fuente muestra solo el comienzo de este resumen; el texto completo está en el enlace del artículo.",
      "La source ne montre que le début de ce résumé ; le texte complet se trouve au lien de l’article.",
      "来源只提供了摘要的开头；全文请见论文链接。",
      "出典には要旨の冒頭しかありません。全文は論文のリンク先にあります。",
      "لا يعرض المصدر سوى بداية هذا الملخص؛ النص الكامل متاح عبر رابط البحث."}},
    {Phrase::related_content,
     {"Related content",
      "Verwandte Inhalte",
      "Contenido relacionado",
      "Contenu associé",
      "相关内容",
      "関連コンテンツ",
      "محتوى ذو صلة"}},
    {Phrase::read_more,
     {"Read more",
      "Weiterlesen",
      "Leer más",
      "En savoir plus",
      "阅读更多",
      "続きを読む",
      "اقرأ المزيد"}},
    {Phrase::copy_citation,
     {"Copy citation",
      "Zitat kopieren",
      "Copiar cita",
      "Copier la citation",
      "复制引用",
      "引用をコピー",
      "نسخ الاقتباس"}},
    {Phrase::copy_bibtex,
     {"Copy BibTeX",
      "BibTeX kopieren",
      "Copiar BibTeX",
      "Copier le BibTeX",
      "复制 BibTeX",
      "BibTeX をコピー",
      "نسخ BibTeX"}},
    {Phrase::copy_title,
     {"Copy title",
      "Titel kopieren",
      "Copiar título",
      "Copier le titre",
      "复制标题",
      "タイトルをコピー",
      "نسخ العنوان"}},
    {Phrase::copy_link,
     {"Copy link",
      "Link kopieren",
      "Copiar enlace",
      "Copier le lien",
      "复制链接",
      "リンクをコピー",
      "نسخ الرابط"}},
    {Phrase::view_posting,
     {"View the posting",
      "Zur Stellenanzeige",
      "Ver la oferta",
      "Voir l’offre",
      "查看职位",
      "求人を見る",
      "عرض الإعلان"}},
    {Phrase::abstract,
     {"Abstract",
      "Zusammenfassung",
      "Resumen",
      "Résumé",
      "摘要",
      "要旨",
      "الملخص"}},
    {Phrase::description,
     {"Description",
      "Beschreibung",
      "Descripción",
      "Description",
      "职位描述",
      "説明",
      "الوصف"}},
    {Phrase::publications_and_jobs,
     {"Publications and jobs",
      "Publikationen und Stellen",
      "Publicaciones y empleos",
      "Publications et offres d’emploi",
      "出版物和职位",
      "論文と求人",
      "المنشورات والوظائف"}},
    {Phrase::loading_list,
     {"Loading the list…",
      "Die Liste wird geladen…",
      "Cargando la lista…",
      "Chargement de la liste…",
      "正在加载列表…",
      "リストを読み込んでいます…",
      "جارٍ تحميل القائمة…"}},
    {Phrase::list_error,
     {"The list could not be loaded: {0}",
      "Die Liste konnte nicht geladen werden: {0}",
      "No se pudo cargar la lista: {0}",
      "La liste n’a pas pu être chargée : {0}",
      "无法加载列表：{0}",
      "リストを読み込めませんでした：{0}",
      "تعذّر تحميل القائمة: {0}"}},
    {Phrase::search_the_list,
     {"Search the list",
      "Liste durchsuchen",
      "Buscar en la lista",
      "Rechercher dans la liste",
      "搜索列表",
      "リストを検索",
      "ابحث في القائمة"}},
    {Phrase::search,
     {"Search",
      "Suchen",
      "Buscar",
      "Rechercher",
      "搜索",
      "検索",
      "بحث"}},
    {Phrase::kind,
     {"Kind",
      "Art",
      "Tipo",
      "Type",
      "类型",
      "種類",
      "النوع"}},
    {Phrase::copied,
     {"Copied.",
      "Kopiert.",
      "Copiado.",
      "Copié.",
      "已复制。",
      "コピーしました。",
      "تم النسخ."}},
    {Phrase::copy_refused,
     {"Copying was not allowed.",
      "Kopieren wurde nicht erlaubt.",
      "No se permitió copiar.",
      "La copie n’a pas été autorisée.",
      "不允许复制。",
      "コピーが許可されませんでした。",
      "لم يُسمح بالنسخ."}},
    {Phrase::canvas_label,
     {"Publications and jobs. Type to search; the results follow as a list.",
      "Publikationen und Stellen. Tippen Sie, um zu suchen; die Ergebnisse folgen als Liste.",
      "Publicaciones y empleos. Escriba para buscar; los resultados siguen en forma de lista.",
      "Publications et offres d’emploi. Tapez pour rechercher ; les résultats suivent sous forme de liste.",
      "出版物和职位。输入即可搜索；结果以列表形式列在后面。",
      "論文と求人。入力すると検索できます。結果はこの後にリストで続きます。",
      "المنشورات والوظائف. اكتب للبحث؛ تأتي النتائج بعدها في قائمة."}},
};

constexpr bool rows_in_order() {
    if (std::size(kRows) != kPhraseCount) return false;
    for (std::size_t i = 0; i < std::size(kRows); ++i)
        if (static_cast<std::size_t>(kRows[i].phrase) != i) return false;
    return true;
}
static_assert(rows_in_order(), "kRows lists every Phrase once, in the enum's order");

constexpr std::array<std::string_view, kLanguageCount> kTags = {"en", "de", "es", "fr", "zh-Hans", "ja", "ar"};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::optional<Language> language_from_tag(std::string_view tag) {
    std::string primary;
    for (const char c : tag) {
        if (c == '-' || c == '_') break;
        primary += lower(c);
    }
    if (primary == "zh") return Language::zh_hans;
    for (std::size_t i = 0; i < kLanguageCount; ++i)
        if (primary == kTags[i]) return static_cast<Language>(i);
    return std::nullopt;
}

std::string_view language_tag(Language language) { return kTags[static_cast<std::size_t>(language)]; }

bool right_to_left(Language language) { return language == Language::ar; }

std::string_view phrase_text(Language language, Phrase phrase) {
    return kRows[static_cast<std::size_t>(phrase)].text[static_cast<std::size_t>(language)];
}

std::string say(Language language, Phrase phrase, std::initializer_list<std::string_view> parts) {
    const std::string_view pattern = phrase_text(language, phrase);
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const std::size_t part = i + 2 < pattern.size() && pattern[i] == '{' && pattern[i + 2] == '}'
                                     ? static_cast<std::size_t>(pattern[i + 1] - '0') : parts.size();
        if (part < parts.size()) {
            out += parts.begin()[part];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::size_t plural_form_count(Language language) {
    switch (language) {
        case Language::zh_hans:
        case Language::ja: return 1;
        case Language::ar: return 6;
        default: return 2;
    }
}

std::size_t plural_form(Language language, std::size_t n) {
    switch (language) {
        case Language::zh_hans:
        case Language::ja: return 0;                    // other
        case Language::fr: return n <= 1 ? 0 : 1;       // one (0 and 1), other
        case Language::ar: {                            // zero, one, two, few, many, other
            const std::size_t hundreds = n % 100;
            return n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : hundreds >= 3 && hundreds <= 10 ? 3 : hundreds >= 11 ? 4 : 5;
        }
        default: return n == 1 ? 0 : 1;                 // one, other
    }
}

std::string counted(Language language, Phrase phrase, std::size_t n) {
    std::string_view forms = phrase_text(language, phrase);
    for (std::size_t form = plural_form(language, n); form > 0; --form) {
        const std::size_t bar = forms.find('|');
        if (bar == std::string_view::npos) break;
        forms.remove_prefix(bar + 1);
    }
    forms = forms.substr(0, forms.find('|'));
    std::string out;
    for (std::size_t at = 0; at < forms.size();) {
        const std::size_t n_at = forms.find("{n}", at);
        out += forms.substr(at, n_at - at);
        if (n_at == std::string_view::npos) break;
        out += count_text(n, language);
        at = n_at + 3;
    }
    return out;
}

// Digits are Western in every language shipped (Arabic too, as in much of
// the Arabic-speaking world and as the entries' own years are written).
std::string count_text(std::size_t n, Language language) {
    std::string_view group = ",";
    std::size_t min_digits = 4;  // the fewest digits that are grouped
    switch (language) {
        case Language::de: group = "."; break;
        case Language::es: group = "."; min_digits = 5; break;  // "1000", "10.000"
        case Language::fr: group = "\xE2\x80\xAF"; break;         // a narrow no-break space
        default: break;
    }
    std::string digits = std::to_string(n);
    if (digits.size() < min_digits) return digits;
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, group);
    return digits;
}

}  // namespace pv
