// Kommande: de närmaste mötena och tidsgränserna, räknade från dagens datum i läsarens
// webbläsare (bygget läser aldrig klockan). Händelserna kommer från kommande.json, som bygget
// skriver. Utan JavaScript, eller när filen inte kan hämtas (kopian öppnad från disken), står
// bara länken till årets mötesplan kvar. Text från data sätts alltid med textContent.
(function () {
  "use strict";

  var MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
    "september", "oktober", "november", "december"];
  var WEEKDAYS = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"];

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // The reader's own date, in their time zone: "2027-02-11".
  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function longDate(iso) {
    var parts = iso.split("-").map(Number);
    var day = new Date(parts[0], parts[1] - 1, parts[2]);
    return WEEKDAYS[day.getDay()] + " " + parts[2] + " " + MONTHS[parts[1] - 1] + " " + parts[0];
  }

  function element(name, text, className) {
    var node = document.createElement(name);
    if (text) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function link(text, href) {
    var anchor = element("a", text);
    anchor.setAttribute("href", href);
    return anchor;
  }

  function when(event) {
    var time = element("time");
    if (event.manader) {
      time.setAttribute("datetime", event.datum.slice(0, 7));
      time.textContent = event.manader + " " + event.datum.slice(0, 4);
    } else if (event.tid) {
      time.setAttribute("datetime", event.datum + "T" + event.tid);
      time.textContent = longDate(event.datum) + " kl. " + event.tid.replace(":", ".");
    } else {
      time.setAttribute("datetime", event.datum);
      time.textContent = longDate(event.datum);
    }
    return time;
  }

  function item(event, root, named) {
    var entry = element("li", null, "hb-kommande-post");
    entry.appendChild(when(event));
    var title = element("p", null, "hb-kommande-titel");
    title.appendChild(link(event.titel, root + event.sida));
    entry.appendChild(title);
    var facts = element("p", null, "hb-kommande-fakta");
    var parts = [];
    if (named) {
      parts.push(element("span", event.samverkansnamn));
    }
    parts.push(element("span", event.slag));
    if (event.status) {
      parts.push(element("span", event.status, "hb-kommande-status"));
    }
    if (event.kallelse) {
      parts.push(link("Kallelse", root + event.kallelse));
    }
    if (event.checklista) {
      parts.push(link("Checklista", root + event.checklista));
    }
    parts.forEach(function (part, index) {
      if (index) {
        facts.appendChild(document.createTextNode(" · "));
      }
      facts.appendChild(part);
    });
    entry.appendChild(facts);
    return entry;
  }

  function coming(events, cooperation, count) {
    var day = today();
    return events.filter(function (event) {
      var mine = !cooperation || event.samverkan === cooperation;
      var open = event.till ? event.till > day : event.datum >= day;
      return mine && open;
    }).slice(0, count);
  }

  function show(section, events) {
    var root = section.getAttribute("data-hb-rot");
    var cooperation = section.getAttribute("data-hb-samverkan");
    var count = parseInt(section.getAttribute("data-hb-antal"), 10) || 5;
    var chosen = coming(events, cooperation, count);
    var first = section.firstChild;
    if (!chosen.length) {
      section.insertBefore(element("p", "Inga kommande möten eller tidsgränser i kalendrarna."), first);
      return;
    }
    var heading = element("p", "Närmast från i dag, " + longDate(today()) + ":", "hb-kommande-rubrik");
    var list = element("ol", null, "hb-kommande-lista");
    chosen.forEach(function (event) {
      list.appendChild(item(event, root, !cooperation));
    });
    section.insertBefore(heading, first);
    section.insertBefore(list, first);
  }

  function load(section) {
    if (section.getAttribute("data-hb-klar")) {
      return;
    }
    section.setAttribute("data-hb-klar", "1");
    fetch(section.getAttribute("data-hb-kommande"))
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (document) {
        show(section, document.handelser || []);
      })
      .catch(function () {
        // The link to the year's plan stays; nothing else to do.
      });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-kommande]"), load);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
