/* SPDX-License-Identifier: MIT */
/* The causes of failure of codes.xml, by id or by index. */
#include "reasons.h"

#include "messages.h"
#include "smtpcodes_tables.h"

#include <string.h>

/* The values of codes.xml's schema, in the order the generator numbers them. */
static const char *const action_by_names[5] = {"sender", "sender-provider", "recipient",
                                               "recipient-provider", "nobody"};
static const char *const retry_names[3] = {"yes", "later", "no"};

static void clear(struct smtpcodes_reason_info *r)
{
    r->id = r->summary = r->explanation = "";
    r->action_by = r->action_by_text = r->retry = r->retry_text = r->lang = "";
}

void smtpcodes_i_describe_reason(unsigned index, int language, struct smtpcodes_reason_info *r)
{
    const struct smtpcodes_tab_reason *t = &smtpcodes_tab_reasons[index];
    r->id = smtpcodes_tab_text(t->id);
    r->summary = smtpcodes_i_message(t->summary, language, &r->lang);
    r->explanation = smtpcodes_i_message(t->explanation, language, NULL);
    r->action_by = action_by_names[t->action_by];
    r->action_by_text =
        smtpcodes_i_message(smtpcodes_tab_action_by_labels[t->action_by], language, NULL);
    r->retry = retry_names[t->retry];
    r->retry_text = smtpcodes_i_message(smtpcodes_tab_retry_labels[t->retry], language, NULL);
}

int smtpcodes_i_reason_index(const char *id)
{
    for (int i = 0; i < SMTPCODES_TAB_REASONS; i++)
        if (strcmp(smtpcodes_tab_text(smtpcodes_tab_reasons[i].id), id) == 0)
            return i;
    return -1;
}

SMTPCODES_API int smtpcodes_reason(const char *id, const char *lang,
                                   struct smtpcodes_reason_info *reason)
{
    if (!reason)
        return SMTPCODES_INVALID;
    clear(reason);
    if (!id)
        return SMTPCODES_INVALID;
    int index = smtpcodes_i_reason_index(id);
    if (index < 0)
        return SMTPCODES_NOT_FOUND;
    do /* again if the locale changed meanwhile: the texts are of one language */
        smtpcodes_i_describe_reason((unsigned)index, smtpcodes_i_resolve_answer(lang), reason);
    while (!lang && !smtpcodes_i_keep_answer(0, SMTPCODES_OK, NULL));
    return SMTPCODES_OK;
}

SMTPCODES_API const char *smtpcodes_reason_at(size_t index)
{
    static const size_t count = SMTPCODES_TAB_REASONS; /* may be 0 */
    return index < count ? smtpcodes_tab_text(smtpcodes_tab_reasons[index].id) : NULL;
}
