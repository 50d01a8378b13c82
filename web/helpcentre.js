// SPDX-License-Identifier: MIT
/*
 * The box that explains a pasted error. It runs the smtpcodes library itself,
 * compiled to WebAssembly (smtpcodes-wasm.js defines SMTPCODES_WASM), in the
 * page's language, offline: nothing is fetched and nothing is sent.
 */
(function () {
  "use strict";

  var box = document.getElementById("explain");
  var form = document.getElementById("explain-form");
  var paste = document.getElementById("paste");
  var answer = document.getElementById("answer");
  var texts = JSON.parse(document.getElementById("helpcentre-texts").textContent);
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  var library = null;

  function decodeBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /* Writes TEXT into the library's buffer at POINTER, NUL-ended; returns its length. */
  function write(pointer, size, text) {
    var bytes = encoder.encode(text).subarray(0, size - 1);
    var memory = new Uint8Array(library.memory.buffer);
    memory.set(bytes, pointer);
    memory[pointer + bytes.length] = 0;
    return bytes.length;
  }

  function read(pointer) {
    var memory = new Uint8Array(library.memory.buffer);
    var end = pointer;
    while (memory[end] !== 0) end++;
    return decoder.decode(memory.subarray(pointer, end));
  }

  function explain(text) {
    write(library.helpcentre_lang(), library.helpcentre_lang_size(), texts.lang);
    var length = write(library.helpcentre_input(), library.helpcentre_input_size(), text);
    return JSON.parse(read(library.helpcentre_explain(length)));
  }

  /* ---- showing the answer, with DOM nodes only: no text is ever read as HTML ---- */

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Names the language of a text the library answered in another language than the
   * page's (a translation that lacks it falls back to English). */
  function inLanguage(node, lang) {
    if (lang && lang !== texts.lang) node.lang = lang.replace("_", "-");
    return node;
  }

  function field(list, label, value, name) {
    if (!value) return;
    list.appendChild(element("dt", null, label));
    var dd = element("dd", null, value);
    dd.setAttribute("data-field", name);
    list.appendChild(dd);
  }

  /* The page of a code the library knows: "550.html", "X.1.1.html", "5.7.606.html". */
  function pageOf(kind, info, code) {
    if (!info.registered) return null;
    return (kind === "reply" ? code : info.id) + ".html";
  }

  function codeSection(kind, label, code, info) {
    var section = element("section", "code-answer severity-" + info.severity);
    section.setAttribute("data-kind", kind);
    var heading = element("h5");
    heading.appendChild(element("span", "label", label + " "));
    heading.appendChild(element("code", null, code));
    heading.appendChild(document.createTextNode(" "));
    var summary = inLanguage(element("span", null, info.summary), info.lang);
    summary.setAttribute("data-field", "summary");
    heading.appendChild(summary);
    section.appendChild(heading);
    var severity = element("p", "severity", info.severity_summary);
    section.appendChild(severity);
    var explanation = inLanguage(element("p", "explanation", info.explanation), info.lang);
    explanation.setAttribute("data-field", "explanation");
    section.appendChild(explanation);
    if (!info.registered) section.appendChild(element("p", "note", texts.unregistered));
    var list = element("dl");
    field(list, texts.standard_text, info.standard_text, "standard_text");
    field(list, texts.reference, info.reference, "reference");
    section.appendChild(list);
    var page = pageOf(kind, info, code);
    if (page) {
      var more = element("p", "more");
      var link = element("a", null, texts.more);
      link.href = page;
      more.appendChild(link);
      section.appendChild(more);
    }
    return section;
  }

  /* A reason the library could name; "undefined" and "" say it could not. */
  function named(diagnosis) {
    return diagnosis.reason && diagnosis.reason !== "undefined" && diagnosis.summary;
  }

  function causeSection(diagnosis) {
    var section = element("section", "cause");
    section.setAttribute("data-reason", diagnosis.reason);
    section.appendChild(element("h4", null, texts.what_to_do));
    var explanation = inLanguage(element("p", "explanation", diagnosis.explanation),
                                 diagnosis.lang);
    explanation.setAttribute("data-field", "reason_explanation");
    section.appendChild(explanation);
    var list = element("dl");
    field(list, texts.who_can_fix, diagnosis.action_by_text, "action_by");
    field(list, texts.retry, diagnosis.retry_text, "retry");
    field(list, texts.provider, diagnosis.provider, "provider");
    /* The server's words that decided (a phrase), not a code. */
    if (diagnosis.decided_by === 2) field(list, texts.evidence, diagnosis.evidence, "evidence");
    section.appendChild(list);
    var more = element("p", "more");
    var link = element("a", null, texts.about_cause);
    link.href = "causes.html#reason-" + diagnosis.reason;
    more.appendChild(link);
    section.appendChild(more);
    return section;
  }

  /* A provider's own meaning of the code, when it is neither code's registered one. */
  function providerMeaning(result) {
    var d = result.diagnosis;
    var ids = [result.reply && result.reply.id, result.enhanced_info && result.enhanced_info.id];
    if (!d.meaning || ids.indexOf(d.meaning) >= 0) return null;
    var section = element("section", "code-answer");
    section.setAttribute("data-kind", "meaning");
    var heading = element("h5", null, d.meaning_summary);
    heading.setAttribute("data-field", "meaning_summary");
    section.appendChild(heading);
    section.appendChild(element("p", "explanation", d.meaning_explanation));
    return section;
  }

  function show(result) {
    answer.textContent = "";
    if (!result.found) {
      answer.appendChild(element("p", "none", texts.none));
      answer.setAttribute("data-state", "none");
      return;
    }
    var d = result.diagnosis;
    var headline = element("h3", "headline", named(d) ? d.summary : d.meaning_summary || d.summary);
    if (named(d)) inLanguage(headline, d.lang);
    headline.setAttribute("data-field", "headline");
    answer.appendChild(headline);
    if (named(d)) answer.appendChild(causeSection(d));
    if (result.reply || result.enhanced_info)
      answer.appendChild(element("h4", "codes-heading", texts.codes_mean));
    var meaning = providerMeaning(result);
    if (meaning) answer.appendChild(meaning);
    if (result.reply)
      answer.appendChild(codeSection("reply", texts.reply_code, String(result.code), result.reply));
    if (result.enhanced_info)
      answer.appendChild(codeSection("enhanced", texts.enhanced_code, result.enhanced,
                                     result.enhanced_info));
    if (result.reply && result.enhanced_info && !result.consistent)
      answer.appendChild(element("p", "note inconsistent", texts.inconsistent));
    if (result.server_text) {
      var said = element("p", "server-said");
      said.appendChild(element("strong", null, texts.server_said + ": "));
      var words = element("q", null, result.server_text);
      words.setAttribute("data-field", "server_text");
      said.appendChild(words);
      answer.appendChild(said);
    }
    answer.setAttribute("data-state", "found");
  }

  function update() {
    if (!paste.value.trim()) {
      answer.textContent = "";
      answer.removeAttribute("data-state");
      return;
    }
    show(explain(paste.value));
  }

  WebAssembly.instantiate(decodeBase64(SMTPCODES_WASM), {}).then(function (result) {
    library = result.instance.exports;
    box.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    paste.addEventListener("input", update);
    document.documentElement.setAttribute("data-helpcentre", "ready");
  }, function () {
    var note = element("p", "note", texts.unavailable);
    box.parentNode.insertBefore(note, box);
    document.documentElement.setAttribute("data-helpcentre", "unavailable");
  });
})();
