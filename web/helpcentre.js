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
    var heading = element("h4");
    heading.appendChild(element("span", "label", label + " "));
    heading.appendChild(element("code", null, code));
    heading.appendChild(document.createTextNode(" "));
    var summary = element("span", null, info.summary);
    summary.setAttribute("data-field", "summary");
    heading.appendChild(summary);
    section.appendChild(heading);
    var severity = element("p", "severity", info.severity_summary);
    section.appendChild(severity);
    var explanation = element("p", "explanation", info.explanation);
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

  function show(result) {
    answer.textContent = "";
    if (!result.found) {
      answer.appendChild(element("p", "none", texts.none));
      answer.setAttribute("data-state", "none");
      return;
    }
    var main = result.reply || result.enhanced_info;
    var headline = element("h3", "headline", main.summary);
    headline.setAttribute("data-field", "headline");
    answer.appendChild(headline);
    if (result.reply)
      answer.appendChild(codeSection("reply", texts.reply_code, String(result.code), result.reply));
    if (result.enhanced_info)
      answer.appendChild(codeSection("enhanced", texts.enhanced_code, result.enhanced,
                                     result.enhanced_info));
    if (!result.consistent) answer.appendChild(element("p", "note", texts.inconsistent));
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
