/* SPDX-License-Identifier: MIT */
/*
 * Writes the help centre: a static site, one directory per language the library
 * has built in (smtpcodes_language_at()), from the library's own tables: the
 * same answers as the library and the command.
 *
 *     make_site OUTDIR [--po DIR]...
 *
 * OUTDIR/index.html chooses a language; OUTDIR/LANG/index.html has the box that
 * explains a pasted error (helpcentre.js, the library compiled to WebAssembly)
 * and lists every code; OUTDIR/LANG/CODE.html explains one code, and
 * OUTDIR/LANG/causes.html every cause. The site's own texts are msgids looked up
 * in DIR/LANG.po for each DIR in turn (the first that translates one wins);
 * English when none does.
 */
#include "html.h"
#include "site_text.h"
#include "smtpcodes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct language {
    const char *code;        /* the library's: "pt_BR" */
    const char *native_name; /* "Português (Brasil)" */
    char *po_files;          /* comma-separated; NULL for English or none */
};

static struct language *languages;
static size_t language_count;
static const char *out_dir;
static const char *page_lang; /* the language of the pages being written */

/* The language as HTML names it: "pt_BR" is "pt-BR". */
static const char *bcp47(const char *code)
{
    static char tag[32];
    snprintf(tag, sizeof tag, "%s", code);
    for (char *p = tag; *p; p++)
        if (*p == '_')
            *p = '-';
    return tag;
}

/* A lang attribute for a text the library answered in another language than the
 * page's (a translation that lacks it falls back to English). */
static void lang_attribute(FILE *out, const char *text_lang)
{
    if (strcmp(text_lang, page_lang) != 0)
        fprintf(out, " lang=\"%s\"", bcp47(text_lang));
}

/* TEXT in a span that names its language when it is not the page's. */
static void text_in(FILE *out, const char *text, const char *text_lang)
{
    fputs("<span", out);
    lang_attribute(out, text_lang);
    fputs(">", out);
    html_text(out, text);
    fputs("</span>", out);
}

/* ---- file names ---- */

static void enhanced_name(int klass, int subject, int detail, char *name, size_t size)
{
    if (klass)
        snprintf(name, size, "%d.%d.%d", klass, subject, detail);
    else
        snprintf(name, size, "X.%d.%d", subject, detail);
}

static FILE *open_page(const char *lang, const char *page)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", out_dir, lang);
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        perror(path);
        return NULL;
    }
    snprintf(path, sizeof path, "%s/%s/%s", out_dir, lang, page);
    FILE *out = fopen(path, "w");
    if (!out)
        perror(path);
    return out;
}

/* ---- the frame of every page ---- */

static void alternates(FILE *out, const char *page)
{
    for (size_t i = 0; i < language_count; i++) {
        fprintf(out, "<link rel=\"alternate\" hreflang=\"%s\" href=\"../%s/%s\">\n",
                bcp47(languages[i].code), languages[i].code, page);
    }
    fprintf(out, "<link rel=\"alternate\" hreflang=\"x-default\" href=\"../en/%s\">\n", page);
}

static void language_switcher(FILE *out, const char *lang, const char *page)
{
    fputs("<nav class=\"languages\" aria-label=\"", out);
    html_text(out, T(N_("Languages")));
    fputs("\"><ul>\n", out);
    for (size_t i = 0; i < language_count; i++) {
        const char *code = languages[i].code;
        fprintf(out, "<li><a href=\"../%s/%s\" hreflang=\"%s\" lang=\"%s\"%s>", code, page,
                bcp47(code), bcp47(code), strcmp(code, lang) == 0 ? " aria-current=\"true\"" : "");
        html_text(out, languages[i].native_name);
        fputs("</a></li>\n", out);
    }
    fputs("</ul></nav>\n", out);
}

static void page_begin(FILE *out, const char *lang, const char *page, const char *title)
{
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
            bcp47(lang));
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", out);
    fputs("<title>", out);
    html_text(out, title);
    fputs(" · ", out);
    html_text(out, T(N_("smtpcodes help centre")));
    fputs("</title>\n<link rel=\"stylesheet\" href=\"../helpcentre.css\">\n", out);
    alternates(out, page);
    fputs("</head>\n<body>\n<a class=\"skip\" href=\"#content\">", out);
    html_text(out, T(N_("Skip to the content")));
    fputs("</a>\n<header class=\"site\">\n<p class=\"site-name\"><a href=\"index.html\">", out);
    html_text(out, T(N_("smtpcodes help centre")));
    fputs("</a></p>\n", out);
    language_switcher(out, lang, page);
    fputs("</header>\n<main id=\"content\">\n", out);
}

static void page_end(FILE *out)
{
    fputs("</main>\n<footer class=\"site\">\n<p>", out);
    html_text(out, T(N_("Each explanation is written for people who are not mail "
                        "administrators.")));
    fputs(" ", out);
    /* TRANSLATORS: %s is the version of smtpcodes, e.g. 0.1.0. */
    html_text_with(out, T(N_("Generated from codes.xml by smtpcodes %s.")), smtpcodes_version());
    fputs("</p>\n</footer>\n", out);
}

/* ---- pieces of the code pages ---- */

static void field(FILE *out, const char *label, const char *value)
{
    if (!*value)
        return;
    fputs("<dt>", out);
    html_text(out, label);
    fputs("</dt>\n<dd>", out);
    html_text(out, value);
    fputs("</dd>\n", out);
}

/* The page of a code named in a "usually seen with" list, or NULL when it has none. */
static const char *page_of_code(const char *code, char *name, size_t size)
{
    int klass, subject, detail;
    struct smtpcodes_info info;
    int reply = smtpcodes_parse_reply_code(code, strlen(code));
    if (reply > 0) {
        if (smtpcodes_reply_meaning_count(reply) == 0)
            return NULL;
        snprintf(name, size, "%d.html", reply);
        return name;
    }
    if (smtpcodes_parse_enhanced(code, strlen(code), &klass, &subject, &detail) != 0 ||
        smtpcodes_enhanced(klass, subject, detail, "en", &info) != 0 || !info.registered)
        return NULL;
    /* The entry that answered names its page: "X.1.1", "5.7.606", a range's first code. */
    snprintf(name, size, "%s.html", info.id);
    return name;
}

static void usual_codes(FILE *out, const char *codes)
{
    if (!*codes)
        return;
    fputs("<dt>", out);
    html_text(out, T(N_("Usually seen with")));
    fputs("</dt>\n<dd><ul class=\"inline\">", out);
    char list[512];
    snprintf(list, sizeof list, "%s", codes);
    char *save = NULL;
    for (char *code = strtok_r(list, " ", &save); code; code = strtok_r(NULL, " ", &save)) {
        char page[64];
        fputs("<li>", out);
        if (page_of_code(code, page, sizeof page)) {
            fprintf(out, "<a href=\"%s\"><code>", page);
            html_text(out, code);
            fputs("</code></a>", out);
        } else {
            fputs("<code>", out);
            html_text(out, code);
            fputs("</code>", out);
        }
        fputs("</li>", out);
    }
    fputs("</ul></dd>\n", out);
}

static void severity_line(FILE *out, const struct smtpcodes_info *info)
{
    fprintf(out, "<p class=\"severity severity-%d\"><strong>", (int)info->severity);
    html_text(out, info->severity_summary);
    fputs("</strong></p>\n", out);
}

static void details(FILE *out, const struct smtpcodes_info *info)
{
    fputs("<p class=\"explanation\"", out);
    lang_attribute(out, info->lang);
    fputs(">", out);
    html_text(out, info->explanation);
    fputs("</p>\n<dl>\n", out);
    field(out, T(N_("Standard text")), info->standard_text);
    field(out, T(N_("Reference")), info->reference);
    field(out, T(N_("Provider")), info->provider);
    usual_codes(out, info->usual_codes);
    field(out, T(N_("Deprecated; use instead")), info->deprecated_by);
    fputs("</dl>\n", out);
}

/* The cause a code usually has (codes.xml's default reason for it), linked to the
 * page of causes; nothing when the code alone names none. */
static void usual_cause(FILE *out, const char *code, const char *lang)
{
    struct smtpcodes_diagnosis d;
    if (smtpcodes_diagnose(code, strlen(code), lang, &d) != SMTPCODES_OK ||
        d.decided_by != SMTPCODES_DECIDED_BY_CODE || !*d.reason)
        return;
    fputs("<p class=\"usual-cause\"><strong>", out);
    html_text(out, T(N_("Usual cause")));
    fputs(":</strong> <a href=\"causes.html#reason-", out);
    html_text(out, d.reason);
    fputs("\">", out);
    text_in(out, d.summary, d.lang);
    fputs("</a></p>\n", out);
}

static void back_link(FILE *out)
{
    fputs("<p class=\"back\"><a href=\"index.html#codes\">", out);
    html_text(out, T(N_("All codes")));
    fputs("</a></p>\n", out);
}

/* ---- the pages ---- */

static int write_reply_page(const char *lang, int code)
{
    char page[32];
    snprintf(page, sizeof page, "%d.html", code);
    FILE *out = open_page(lang, page);
    if (!out)
        return -1;
    struct smtpcodes_info info;
    smtpcodes_reply(code, lang, &info);
    char title[512];
    snprintf(title, sizeof title, "%d: %s", code, info.summary);
    page_begin(out, lang, page, title);
    fprintf(out, "<h1><code>%d</code> ", code);
    text_in(out, info.summary, info.lang);
    fputs("</h1>\n", out);
    severity_line(out, &info);
    char digits[8];
    snprintf(digits, sizeof digits, "%d", code);
    usual_cause(out, digits, lang);
    int meanings = smtpcodes_reply_meaning_count(code);
    for (int m = 0; m < meanings; m++) {
        smtpcodes_reply_meaning(code, m, lang, &info);
        if (meanings > 1) {
            fprintf(out, "<section aria-labelledby=\"meaning-%d\">\n<h2 id=\"meaning-%d\">", m, m);
            text_in(out, info.summary, info.lang);
            fputs(" <span class=\"source\">(", out);
            html_text(out, info.reference);
            fputs(")</span></h2>\n", out);
        }
        details(out, &info);
        if (meanings > 1)
            fputs("</section>\n", out);
    }
    back_link(out);
    page_end(out);
    fputs("</body>\n</html>\n", out);
    return fclose(out) == 0 ? 0 : -1;
}

static int write_enhanced_page(const char *lang, int klass, int subject, int detail)
{
    char name[24], page[32];
    enhanced_name(klass, subject, detail, name, sizeof name);
    snprintf(page, sizeof page, "%s.html", name);
    FILE *out = open_page(lang, page);
    if (!out)
        return -1;
    struct smtpcodes_info info;
    smtpcodes_enhanced(klass ? klass : 5, subject, detail, lang, &info);
    char title[512];
    snprintf(title, sizeof title, "%s: %s", name, info.summary);
    page_begin(out, lang, page, title);
    fputs("<h1><code>", out);
    html_text(out, name);
    fputs("</code> ", out);
    text_in(out, info.summary, info.lang);
    fputs("</h1>\n", out);
    if (klass)
        severity_line(out, &info);
    char probe[32]; /* an X code, as the permanent failure it most often is */
    snprintf(probe, sizeof probe, "%s%s", klass ? "" : "5", klass ? name : name + 1);
    usual_cause(out, probe, lang);
    details(out, &info);
    back_link(out);
    page_end(out);
    fputs("</body>\n</html>\n", out);
    return fclose(out) == 0 ? 0 : -1;
}

static void list_item(FILE *out, const char *page, const char *code,
                      const struct smtpcodes_info *info)
{
    fprintf(out, "<li><a href=\"%s\"><code>", page);
    html_text(out, code);
    fputs("</code> ", out);
    text_in(out, info->summary, info->lang);
    fputs("</a></li>\n", out);
}

static void reply_list(FILE *out, const char *lang)
{
    fputs("<section aria-labelledby=\"reply-codes\">\n<h3 id=\"reply-codes\">", out);
    html_text(out, T(N_("Reply codes")));
    fputs("</h3>\n<ul class=\"codes\">\n", out);
    int code;
    for (size_t i = 0; (code = smtpcodes_reply_code_at(i)) >= 0; i++) {
        struct smtpcodes_info info;
        smtpcodes_reply(code, lang, &info);
        char name[16], page[32];
        snprintf(name, sizeof name, "%d", code);
        snprintf(page, sizeof page, "%d.html", code);
        list_item(out, page, name, &info);
    }
    fputs("</ul>\n</section>\n", out);
}

static void enhanced_list(FILE *out, const char *lang)
{
    fputs("<section aria-labelledby=\"enhanced-codes\">\n<h3 id=\"enhanced-codes\">", out);
    html_text(out, T(N_("Enhanced status codes")));
    fputs("</h3>\n<ul class=\"codes\">\n", out);
    int klass, subject, detail;
    for (size_t i = 0; smtpcodes_enhanced_code_at(i, &klass, &subject, &detail) == 0; i++) {
        struct smtpcodes_info info;
        smtpcodes_enhanced(klass ? klass : 5, subject, detail, lang, &info);
        char name[24], page[32];
        enhanced_name(klass, subject, detail, name, sizeof name);
        snprintf(page, sizeof page, "%s.html", name);
        list_item(out, page, name, &info);
    }
    fputs("</ul>\n</section>\n", out);
}

/* ---- the causes: codes.xml's reasons ---- */

static void cause_section(FILE *out, const char *id, const struct smtpcodes_reason_info *r)
{
    fputs("<section id=\"reason-", out);
    html_text(out, id);
    fputs("\" class=\"cause\">\n<h2>", out);
    text_in(out, r->summary, r->lang);
    fputs("</h2>\n<p class=\"explanation\"", out);
    lang_attribute(out, r->lang);
    fputs(">", out);
    html_text(out, r->explanation);
    fputs("</p>\n<dl>\n", out);
    field(out, T(N_("Who can fix it")), r->action_by_text);
    field(out, T(N_("Will sending again help?")), r->retry_text);
    fputs("</dl>\n</section>\n", out);
}

static int write_causes(const char *lang)
{
    FILE *out = open_page(lang, "causes.html");
    if (!out)
        return -1;
    const char *title = T(N_("Why mail is not delivered"));
    page_begin(out, lang, "causes.html", title);
    fputs("<h1>", out);
    html_text(out, title);
    fputs("</h1>\n<p class=\"intro\">", out);
    html_text(out, T(N_("The causes the box names, from the words and codes of the error: what "
                        "each means, who can fix it, and whether sending again helps.")));
    fputs("</p>\n", out);
    const char *id;
    for (size_t i = 0; (id = smtpcodes_reason_at(i)); i++) {
        struct smtpcodes_reason_info r;
        if (smtpcodes_reason(id, lang, &r) == SMTPCODES_OK)
            cause_section(out, id, &r);
    }
    back_link(out);
    page_end(out);
    fputs("</body>\n</html>\n", out);
    return fclose(out) == 0 ? 0 : -1;
}

static void cause_list(FILE *out, const char *lang)
{
    fputs("<section id=\"causes\" aria-labelledby=\"causes-heading\">\n"
          "<h2 id=\"causes-heading\">",
          out);
    html_text(out, T(N_("Common causes")));
    fputs("</h2>\n<ul class=\"causes\">\n", out);
    const char *id;
    for (size_t i = 0; (id = smtpcodes_reason_at(i)); i++) {
        struct smtpcodes_reason_info r;
        if (smtpcodes_reason(id, lang, &r) != SMTPCODES_OK)
            continue;
        fputs("<li><a href=\"causes.html#reason-", out);
        html_text(out, id);
        fputs("\">", out);
        text_in(out, r.summary, r.lang);
        fputs("</a></li>\n", out);
    }
    fputs("</ul>\n</section>\n", out);
}

/* The texts helpcentre.js shows around the library's answers, in the page's language. */
static void script_texts(FILE *out, const char *lang)
{
    static const char *const texts[][2] = {
        {"none", N_("No SMTP reply code or enhanced status code was found in this text.")},
        {"server_said", N_("The server said")},
        {"reply_code", N_("Reply code")},
        {"enhanced_code", N_("Enhanced status code")},
        {"standard_text", N_("Standard text")},
        {"reference", N_("Reference")},
        {"unregistered", N_("This code is not registered; it is explained from what its "
                            "digits mean.")},
        {"inconsistent", N_("The reply code and the enhanced status code disagree: their first "
                            "digits differ. Both are explained; trust neither alone.")},
        {"more", N_("More about this code")},
        {"what_to_do", N_("What to do")},
        {"who_can_fix", N_("Who can fix it")},
        {"retry", N_("Will sending again help?")},
        {"provider", N_("Mail provider")},
        {"evidence", N_("Found in the text")},
        {"about_cause", N_("More about this cause")},
        {"codes_mean", N_("What the codes mean")},
        {"unavailable", N_("The box could not start in this browser. Every code is explained "
                           "below.")},
    };
    fputs("<script type=\"application/json\" id=\"helpcentre-texts\">{\"lang\":", out);
    html_json_string(out, lang);
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        fprintf(out, ",\"%s\":", texts[i][0]);
        html_json_string(out, T(texts[i][1]));
    }
    fputs("}</script>\n", out);
}

static void paste_box(FILE *out, const char *lang)
{
    /* Hidden until helpcentre.js has started the library: without JavaScript the
     * page is the list of codes, and says so. */
    fputs("<section id=\"explain\" class=\"explain\" aria-labelledby=\"explain-heading\" "
          "hidden>\n<h2 id=\"explain-heading\">",
          out);
    html_text(out, T(N_("Paste the error")));
    fputs("</h2>\n<form id=\"explain-form\" action=\"#explain\">\n<label for=\"paste\">", out);
    html_text(out, T(N_("Paste the error message you received: a code such as 550 or 5.7.26, a "
                        "line of the server's reply, or the whole paragraph of the bounce "
                        "message. It is read here, in your browser; nothing is sent anywhere.")));
    fputs("</label>\n<textarea id=\"paste\" name=\"paste\" rows=\"5\" spellcheck=\"false\" "
          "autocomplete=\"off\"></textarea>\n<button type=\"submit\">",
          out);
    html_text(out, T(N_("Explain")));
    fputs("</button>\n</form>\n<div id=\"answer\" class=\"answer\" role=\"status\" "
          "aria-live=\"polite\"></div>\n",
          out);
    script_texts(out, lang);
    fputs("</section>\n<noscript><p class=\"note\">", out);
    html_text(out, T(N_("The box that explains a pasted error needs JavaScript. Every code is "
                        "explained below, each on its own page.")));
    fputs("</p></noscript>\n", out);
}

static int write_index(const char *lang)
{
    FILE *out = open_page(lang, "index.html");
    if (!out)
        return -1;
    const char *title = T(N_("What does this mail error mean?"));
    page_begin(out, lang, "index.html", title);
    fputs("<h1>", out);
    html_text(out, title);
    fputs("</h1>\n<p class=\"intro\">", out);
    html_text(out, T(N_("When a message cannot be delivered, the mail server answers with a "
                        "code. Paste the error below, or choose its code from the lists.")));
    fputs("</p>\n", out);
    paste_box(out, lang);
    fputs("<section id=\"codes\" aria-labelledby=\"codes-heading\">\n<h2 id=\"codes-heading\">",
          out);
    html_text(out, T(N_("Every code")));
    fputs("</h2>\n", out);
    reply_list(out, lang);
    enhanced_list(out, lang);
    fputs("</section>\n", out);
    if (smtpcodes_reason_at(0))
        cause_list(out, lang);
    page_end(out);
    fputs("<script src=\"../smtpcodes-wasm.js\"></script>\n"
          "<script src=\"../helpcentre.js\"></script>\n</body>\n</html>\n",
          out);
    return fclose(out) == 0 ? 0 : -1;
}

/* OUTDIR/index.html: every language, each named in itself. */
static int write_chooser(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/index.html", out_dir);
    FILE *out = fopen(path, "w");
    if (!out) {
        perror(path);
        return -1;
    }
    site_text_load(NULL);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>smtpcodes help centre</title>\n"
          "<link rel=\"stylesheet\" href=\"helpcentre.css\">\n",
          out);
    for (size_t i = 0; i < language_count; i++)
        fprintf(out, "<link rel=\"alternate\" hreflang=\"%s\" href=\"%s/index.html\">\n",
                bcp47(languages[i].code), languages[i].code);
    fputs("</head>\n<body>\n<main id=\"content\">\n<h1>smtpcodes help centre</h1>\n"
          "<nav aria-label=\"Languages\"><ul class=\"chooser\">\n",
          out);
    for (size_t i = 0; i < language_count; i++) {
        const char *code = languages[i].code;
        fprintf(out, "<li><a href=\"%s/index.html\" hreflang=\"%s\" lang=\"%s\">", code,
                bcp47(code), bcp47(code));
        html_text(out, languages[i].native_name);
        fputs("</a></li>\n", out);
    }
    fputs("</ul></nav>\n</main>\n</body>\n</html>\n", out);
    return fclose(out) == 0 ? 0 : -1;
}

static int write_language(const struct language *language)
{
    const char *lang = language->code;
    page_lang = lang;
    if (site_text_load(language->po_files) != 0 || write_index(lang) != 0)
        return -1;
    if (smtpcodes_reason_at(0) && write_causes(lang) != 0)
        return -1;
    int code;
    for (size_t i = 0; (code = smtpcodes_reply_code_at(i)) >= 0; i++)
        if (write_reply_page(lang, code) != 0)
            return -1;
    int klass, subject, detail;
    for (size_t i = 0; smtpcodes_enhanced_code_at(i, &klass, &subject, &detail) == 0; i++)
        if (write_enhanced_page(lang, klass, subject, detail) != 0)
            return -1;
    return 0;
}

/* DIR/CODE.po for each DIR of PO_DIRS that has one, comma-separated; NULL if none. */
static char *po_files_of(const char *code, char **po_dirs, size_t dir_count)
{
    char *files = NULL;
    size_t length = 0;
    for (size_t i = 0; i < dir_count; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.po", po_dirs[i], code);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        char *grown = realloc(files, length + strlen(path) + 2);
        if (!grown) {
            free(files);
            return NULL;
        }
        files = grown;
        length += (size_t)sprintf(files + length, "%s%s", length ? "," : "", path);
    }
    return files;
}

/* Every language the library has built in, English first. */
static int read_languages(char **po_dirs, size_t dir_count)
{
    const char *code, *native_name;
    for (size_t i = 0; smtpcodes_language_at(i, &code, &native_name) == SMTPCODES_OK; i++) {
        struct language *grown = realloc(languages, (language_count + 1) * sizeof *languages);
        if (!grown)
            return -1;
        languages = grown;
        languages[language_count++] = (struct language){
            code, native_name,
            strcmp(code, "en") != 0 ? po_files_of(code, po_dirs, dir_count) : NULL};
    }
    return language_count > 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc < 2 || (argc - 2) % 2 != 0) {
        fputs("usage: make_site OUTDIR [--po DIR]...\n", stderr);
        return 2;
    }
    out_dir = argv[1];
    char **po_dirs = argv + 2;
    size_t dir_count = 0;
    for (int i = 2; i < argc; i += 2) {
        if (strcmp(argv[i], "--po") != 0) {
            fprintf(stderr, "make_site: unknown option '%s'\n", argv[i]);
            return 2;
        }
        po_dirs[dir_count++] = argv[i + 1];
    }
    int status = read_languages(po_dirs, dir_count);
    if (status == 0 && mkdir(out_dir, 0777) != 0 && errno != EEXIST) {
        perror(out_dir);
        status = -1;
    }
    for (size_t i = 0; status == 0 && i < language_count; i++)
        status = write_language(&languages[i]);
    if (status == 0)
        status = write_chooser();
    site_text_free();
    for (size_t i = 0; i < language_count; i++)
        free(languages[i].po_files);
    free(languages);
    return status == 0 ? 0 : 1;
}
