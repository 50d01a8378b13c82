/* SPDX-License-Identifier: MIT */
/*
 * Finding the codes in a server reply, or in the bounce or log text around
 * it. Written by hand: the rules below are about the context of a number, which
 * no regular-expression or parsing library states more plainly, and the
 * promise of no allocation and no read past LENGTH is easiest to keep in one
 * pass over the bytes.
 */
#include "parse_reply.h"

#include <stdint.h>
#include <string.h>

struct cursor {
    const char *text;
    size_t length;
};

static int byte_at(const struct cursor *c, size_t at)
{
    return at < c->length ? (unsigned char)c->text[at] : -1;
}

static int is_digit(int ch)
{
    return ch >= '0' && ch <= '9';
}

static int is_letter(int ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static int is_blank(int ch)
{
    return ch == ' ' || ch == '\t';
}

static int is_line_end(int ch)
{
    return ch == -1 || ch == '\r' || ch == '\n';
}

static int is_space(int ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static int lower(int ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* Whether the bytes at AT spell WORD, ignoring case. */
static int has_word_at(const struct cursor *c, size_t at, const char *word)
{
    size_t n = strlen(word);
    if (at > c->length || c->length - at < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)c->text[at + i]) != word[i])
            return 0;
    return 1;
}

/* A code may begin the text, or follow white space or punctuation that opens or
 * introduces a reply: "said: 550", "smtp; 550", "(#5.1.1)", "'550", "#550". */
static int may_start_code(const struct cursor *c, size_t at)
{
    if (at == 0)
        return 1;
    switch (byte_at(c, at - 1)) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '(':
    case '[':
    case '<':
    case '\'':
    case '"':
    case '#':
    case ';':
    case ':':
    case '=':
    case '>':
        return 1;
    default:
        return 0;
    }
}

/* "[192.0.2.1]:587 " and "host:465 ": a port, not a reply. */
static int follows_a_port_colon(const struct cursor *c, size_t at)
{
    if (at < 2 || byte_at(c, at - 1) != ':')
        return 0;
    int before = byte_at(c, at - 2);
    return before == ']' || is_digit(before) || is_letter(before);
}

/* "552 bytes", "250 KB": a quantity, not a reply. */
static int is_followed_by_a_unit(const struct cursor *c, size_t at)
{
    static const char *const units[] = {"bytes", "byte", "octets", "kb", "mb", "gb", "k ", "m "};
    size_t word = at;
    while (is_blank(byte_at(c, word)))
        word++;
    /* Most replies go on with a word no unit starts like: decided at one byte. */
    int first = lower(byte_at(c, word));
    if (word == at ||
        (first != 'b' && first != 'o' && first != 'k' && first != 'm' && first != 'g'))
        return 0;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        size_t n = strlen(units[i]);
        if (has_word_at(c, word, units[i]) &&
            (units[i][n - 1] == ' ' || !is_letter(byte_at(c, word + n))))
            return 1;
    }
    return 0;
}

/* "port 465", "size 552": a word that names what the number counts. */
static int follows_a_counting_word(const struct cursor *c, size_t at)
{
    static const char *const words[] = {"port", "size", "length", "pid"};
    size_t end = at;
    while (end > 0 && is_blank(byte_at(c, end - 1)))
        end--;
    /* Each of the words ends in one of these letters. */
    int last = end > 0 ? lower(byte_at(c, end - 1)) : 0;
    if (end == at || (last != 't' && last != 'e' && last != 'h' && last != 'd'))
        return 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        if (end >= n && has_word_at(c, end - n, words[i]) &&
            (end == n || !is_letter(byte_at(c, end - n - 1))))
            return 1;
    }
    return 0;
}

/* "X-Unix; 255": the exit status of a local program, not an SMTP reply. */
static int follows_a_local_status(const struct cursor *c, size_t at)
{
    size_t start = at;
    while (start > 0 && is_blank(byte_at(c, start - 1)))
        start--;
    return start >= 7 && byte_at(c, start - 1) == ';' && has_word_at(c, start - 7, "x-unix;");
}

/* A reply code at AT: three digits, 2 to 5 first, ended by a space, "-" or a line end. */
static int reply_code_at(const struct cursor *c, size_t at)
{
    int d0 = byte_at(c, at), d1 = byte_at(c, at + 1), d2 = byte_at(c, at + 2);
    if (d0 < '2' || d0 > '5' || !is_digit(d1) || !is_digit(d2))
        return 0;
    int after = byte_at(c, at + 3);
    if (!is_blank(after) && after != '-' && !is_line_end(after))
        return 0;
    if (follows_a_port_colon(c, at) || is_followed_by_a_unit(c, at + 3) ||
        follows_a_counting_word(c, at) || follows_a_local_status(c, at))
        return 0;
    return (d0 - '0') * 100 + (d1 - '0') * 10 + (d2 - '0');
}

/* Reads 1 to 3 digits at S[*AT], before N; returns the number or -1 (none, or four). */
static int read_number(const unsigned char *s, size_t n, size_t *at)
{
    size_t i = *at;
    int value = 0;
    while (i < n && i - *at < 4 && is_digit(s[i]))
        value = value * 10 + s[i++] - '0';
    if (i == *at || i - *at > 3)
        return -1;
    *at = i;
    return value;
}

/* An enhanced code at AT (RFC 3463: class "." 1*3digit "." 1*3digit), not part of
 * an address or a version: nothing but punctuation or space may follow it. */
static size_t enhanced_code_at(const struct cursor *c, size_t at, struct smtpcodes_reply_parts *p)
{
    const unsigned char *s = (const unsigned char *)c->text;
    size_t n = c->length;
    if (at >= n || n - at < 5 || (s[at] != '2' && s[at] != '4' && s[at] != '5') || s[at + 1] != '.')
        return 0;
    size_t end = at + 2;
    int subject = read_number(s, n, &end);
    if (subject < 0 || end >= n || s[end] != '.')
        return 0;
    end++;
    int detail = read_number(s, n, &end);
    int after = end < n ? s[end] : -1;
    if (detail < 0 || is_letter(after) || after == '_' ||
        (after == '.' && end + 1 < n && is_digit(s[end + 1])))
        return 0;
    p->klass = s[at] - '0';
    p->subject = subject;
    p->detail = detail;
    p->enhanced_span.offset = at;
    p->enhanced_span.length = end - at;
    return end;
}

/* A code on its own stands at the start of a line or after punctuation ("Status: 5.1.1",
 * "X-XWall; 5.9.8"); after a word it is a version ("Exim 4.94.2"). */
static int stands_alone(const struct cursor *c, size_t at)
{
    while (at > 0 && is_blank(byte_at(c, at - 1)))
        at--;
    int before = at > 0 ? byte_at(c, at - 1) : -1;
    return !is_letter(before) && !is_digit(before);
}

/* qmail ends its replies with the enhanced code in "(#5.1.1)"; returns where the
 * "(#" starts, or the length of the text when there is none. */
static size_t find_trailing_hash_code(const struct cursor *c, size_t from,
                                      struct smtpcodes_reply_parts *p)
{
    for (size_t at = from; at + 2 < c->length; at++) {
        if (c->text[at] == '(' && c->text[at + 1] == '#' && enhanced_code_at(c, at + 2, p))
            return at;
    }
    return c->length;
}

/* Whether a later line of the text starts with CODE, as the lines of a multi-line reply do. */
static int has_continuation_line(const struct cursor *c, size_t from, int code)
{
    for (size_t at = from; at < c->length; at++) {
        /* memchr, not a loop over every byte: most replies are one line. */
        const char *newline = memchr(c->text + at, '\n', c->length - at);
        if (!newline)
            return 0;
        at = (size_t)(newline - c->text);
        size_t start = at + 1;
        while (is_blank(byte_at(c, start)))
            start++;
        if (reply_code_at(c, start) == code)
            return 1;
    }
    return 0;
}

/* The server's words: from START to END, without trailing space, the
 * "(in reply to ... command)" that Postfix adds, or a closing quote that was opened
 * before the code. */
static struct smtpcodes_span server_text(const struct cursor *c, size_t start, size_t end,
                                         int quoted)
{
    for (int trimmed = 1; trimmed;) {
        trimmed = 0;
        while (end > start && is_space((unsigned char)c->text[end - 1]))
            end--, trimmed = 1;
        if (end > start && c->text[end - 1] == ')') {
            static const char note[] = "(in reply to ";
            for (size_t open = end - 1; open > start; open--) {
                if (c->text[open - 1] == '(') {
                    if (end - (open - 1) > sizeof note && has_word_at(c, open - 1, note))
                        end = open - 1, trimmed = 1;
                    break;
                }
            }
        }
        if (quoted && end > start && c->text[end - 1] == '\'')
            end--, quoted = 0, trimmed = 1;
    }
    struct smtpcodes_span span = {start, end - start};
    return span;
}

static size_t skip_blanks(const struct cursor *c, size_t at)
{
    while (is_blank(byte_at(c, at)))
        at++;
    return at;
}

/* Reads the codes of a reply whose code starts at AT. */
static void read_reply(const struct cursor *c, size_t at, int code, struct smtpcodes_reply_parts *p)
{
    p->code = code;
    p->code_span.offset = at;
    p->code_span.length = 3;
    size_t next = at + 3;
    int continued = byte_at(c, next) == '-';
    if (continued)
        next++;
    next = skip_blanks(c, next);
    if (byte_at(c, next) == '#')
        next++;
    size_t end = enhanced_code_at(c, next, p), text_end = c->length;
    if (end)
        next = end;
    else
        text_end = find_trailing_hash_code(c, next, p);
    p->multiline = continued || has_continuation_line(c, next, code);
    int quoted = at > 0 && byte_at(c, at - 1) == '\'';
    p->text = server_text(c, skip_blanks(c, next), text_end, quoted);
}

/*
 * The usual case, a bare one-line reply such as "550 5.1.1 User unknown", read
 * without the general scan: a code at the very start has no context before it to
 * weigh. Returns 1 when it could decide, 0 when the general reading must (a
 * possible unit after the code, no enhanced code, several lines, a closing
 * parenthesis that may end a Postfix note). Both readings give the same parts:
 * tests/test_parse_paths.c and fuzz/parse_reply.c compare them.
 */
static int read_bare_reply(const char *text, size_t length, struct smtpcodes_reply_parts *p)
{
    const unsigned char *s = (const unsigned char *)text;
    if (length < 9 || (unsigned)(s[0] - '2') > 3u || !is_digit(s[1]) || !is_digit(s[2]) ||
        (s[3] != ' ' && s[3] != '-') || !is_digit(s[4]))
        return 0;
    if (memchr(text, '\n', length))
        return 0;
    size_t end;
    if ((s[4] == '2' || s[4] == '4' || s[4] == '5') && s[5] == '.' && is_digit(s[6]) &&
        s[7] == '.' && is_digit(s[8]) && (length == 9 || is_blank(s[9]))) {
        /* Most enhanced codes have one-digit parts: "5.1.1 " needs no number reading. */
        p->klass = s[4] - '0';
        p->subject = s[6] - '0';
        p->detail = s[8] - '0';
        p->enhanced_span.offset = 4;
        p->enhanced_span.length = 5;
        end = 9;
    } else {
        struct cursor c = {text, length};
        end = enhanced_code_at(&c, 4, p);
        if (!end)
            return 0;
    }
    /* The server's words, exactly as server_text() would find them. */
    size_t start = end, last = length;
    while (start < length && is_blank(s[start]))
        start++;
    while (last > start && is_space(s[last - 1]))
        last--;
    if (last > start && s[last - 1] == ')')
        return 0;
    p->code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
    p->code_span.length = 3;
    p->multiline = s[3] == '-';
    p->text.offset = start;
    p->text.length = last - start;
    p->consistent = s[0] - '0' == p->klass;
    return 1;
}

SMTPCODES_API int smtpcodes_parse_reply(const char *text, size_t length,
                                        struct smtpcodes_reply_parts *parts)
{
    if (!parts || (!text && length > 0))
        return SMTPCODES_INVALID;
    memset(parts, 0, sizeof *parts);
    if (read_bare_reply(text, length, parts))
        return SMTPCODES_OK;
    return smtpcodes_i_parse_reply_generally(text, length, parts);
}

/* Whether one of the eight bytes at P is a digit, i.e. is below 10 once XOR-ed with
 * '0'. The word-wide "some byte below 10" test is exact about whether there is one
 * (a borrow can only mark a byte above one that is marked already). */
static int holds_digit(const char *p)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t x;
    memcpy(&x, p, sizeof x);
    uint64_t t = x ^ (ones * '0');
    return ((t - ones * 10) & ~t & highs) != 0;
}

int smtpcodes_i_parse_reply_generally(const char *text, size_t length,
                                      struct smtpcodes_reply_parts *parts)
{
    if (!parts || (!text && length > 0))
        return SMTPCODES_INVALID;
    memset(parts, 0, sizeof *parts);
    struct cursor c = {text, length};
    for (size_t at = 0; at < length; at++) {
        /* Most bytes of bounce and log text are no digit: passed over eight at a time. */
        while (length - at >= 8 && !holds_digit(text + at))
            at += 8;
        while (at < length && !is_digit((unsigned char)text[at]))
            at++;
        if (at == length)
            break;
        if (!may_start_code(&c, at))
            continue;
        int code = reply_code_at(&c, at);
        if (code) {
            read_reply(&c, at, code, parts);
            break;
        }
        size_t end = stands_alone(&c, at) ? enhanced_code_at(&c, at, parts) : 0;
        if (end && at >= 2 && text[at - 1] == '#' && text[at - 2] == '(') {
            /* qmail's "words (#5.1.1)": the words come first. */
            size_t line = at - 2;
            while (line > 0 && text[line - 1] != '\n')
                line--;
            parts->text = server_text(&c, skip_blanks(&c, line), at - 2, 0);
            break;
        }
        if (end) {
            parts->text = server_text(&c, skip_blanks(&c, end), length, 0);
            break;
        }
    }
    if (!parts->code && !parts->klass) {
        memset(parts, 0, sizeof *parts);
        return SMTPCODES_NOT_FOUND;
    }
    /* The first digit of the code is its class: no division needed. */
    parts->consistent =
        !parts->code || !parts->klass || text[parts->code_span.offset] - '0' == parts->klass;
    return SMTPCODES_OK;
}
