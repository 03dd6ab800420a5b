/// The search page's script: finds lessons, headings and claims in `window.kernelbookSearch`.
///
/// Every term of the query must occur in an entry (case and accents ignored). Lessons whose title
/// holds the terms rank first, then headings, then lessons found by their summary, then claims; an
/// entry that starts with the query above one that only contains it. Results are made with DOM calls and `textContent`, never from HTML text.
enum SearchScript {
    /// The file's path in the site.
    static let path = "assets/search.js"

    /// The script's text.
    static let javascript = #"""
    "use strict";
    (function () {
      var data = window.kernelbookSearch || { lessons: [], entries: [] };
      var form = document.getElementById("search-form");
      var input = document.getElementById("search-query");
      var status = document.getElementById("search-status");
      var list = document.getElementById("search-results");
      var limit = 100;

      function fold(text) {
        return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      }

      var items = [];
      data.lessons.forEach(function (lesson, position) {
        items.push({ kind: "lesson", rank: 0, lesson: position, text: lesson[0], href: lesson[1],
                     hay: fold(lesson[0] + " " + lesson[2]), key: fold(lesson[0]) });
      });
      data.entries.forEach(function (entry) {
        var lesson = data.lessons[entry[0]];
        items.push({ kind: entry[1] === "h" ? "heading" : "claim", rank: entry[1] === "h" ? 1 : 3, lesson: entry[0],
                     text: entry[2], href: lesson[1] + (entry[3] ? "#" + entry[3] : ""), hay: fold(entry[2]), key: fold(entry[2]) });
      });
      items.forEach(function (item, order) { item.order = order; });

      function search(query) {
        var folded = fold(query.trim());
        var terms = folded.split(/\s+/).filter(function (term) { return term.length > 0; });
        var found = terms.length === 0 ? [] : items.filter(function (item) {
          return terms.every(function (term) { return item.hay.indexOf(term) >= 0; });
        });
        // A lesson found only through its summary ranks below the headings.
        function rank(item) {
          return item.kind === "lesson" && !terms.every(function (term) { return item.key.indexOf(term) >= 0; }) ? 2 : item.rank;
        }
        found.sort(function (a, b) {
          var startA = a.key.indexOf(folded) === 0 ? 0 : 1, startB = b.key.indexOf(folded) === 0 ? 0 : 1;
          return rank(a) - rank(b) || startA - startB || a.order - b.order;
        });
        show(query.trim(), found);
      }

      function show(query, found) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        if (!query) {
          status.textContent = "Type a word to find lessons, headings and claims.";
          return;
        }
        status.textContent = found.length === 0 ? "Nothing found for \u201c" + query + "\u201d."
          : found.length + (found.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d"
            + (found.length > limit ? ", the first " + limit + " shown." : ".");
        found.slice(0, limit).forEach(function (item) {
          var li = document.createElement("li");
          li.className = item.kind;
          var kind = document.createElement("span");
          kind.className = "kind";
          kind.textContent = item.kind;
          var link = document.createElement("a");
          link.href = item.href;
          link.textContent = item.text;
          if (item.kind === "claim") { link.className = "claim-text"; }
          li.appendChild(kind);
          li.appendChild(link);
          if (item.kind !== "lesson") {
            var lesson = document.createElement("span");
            lesson.className = "in-lesson";
            lesson.textContent = data.lessons[item.lesson][0];
            li.appendChild(lesson);
          }
          list.appendChild(li);
        });
      }

      input.addEventListener("input", function () {
        search(input.value);
        try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (error) { /* file:// */ }
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        search(input.value);
      });
      var query = new URLSearchParams(window.location.search).get("q") || "";
      input.value = query;
      search(query);
    })();

    """#
}
