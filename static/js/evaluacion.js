// Progressive enhancement for a quiz attempt: answers are saved as the learner
// goes, and a timed attempt shows a countdown. Without JavaScript the form's
// "Guardar respuestas" and "Enviar evaluación" buttons do the same work.
(function () {
  "use strict";
  var form = document.getElementById("formulario-intento");
  if (!form || !window.fetch || !window.URLSearchParams) { return; }
  var status = document.getElementById("estado-guardado");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  // Questions changed since their last save, with a counter per change so a
  // change made while its save is in flight is sent again.
  var dirty = {}, changes = 0, inFlight = false, pending = null, retries = 0;

  function saved() {
    // 24-hour clock in Guatemala's time, as the server writes times
    // ("14:05"): "es-GT" alone gives "02:05 p. m.", and the sentence's
    // closing period made it "p. m..".
    status.textContent = "Respuestas guardadas a las " +
      new Date().toLocaleTimeString("es-GT", {
        hour: "2-digit", minute: "2-digit", hourCycle: "h23",
        timeZone: "America/Guatemala"
      }) + ".";
  }

  function later(delay) {
    window.clearTimeout(pending);
    pending = window.setTimeout(save, delay);
  }

  // Only the questions that changed travel, form-encoded (smaller than
  // FormData's multipart on a slow connection, and cheaper for the server to
  // read): one small request and one small write on the server. One save at
  // a time; a failed one is retried with a growing wait, and "Enviar
  // evaluación" posts the whole form anyway.
  function save() {
    var keys = Object.keys(dirty);
    if (inFlight || !keys.length) { return; }
    var sent = {}, data = new URLSearchParams();
    data.set("csrfmiddlewaretoken", token ? token.value : "");
    data.set("accion", "guardar");
    keys.forEach(function (key) {
      sent[key] = dirty[key];
      data.append("pregunta", key);
      form.querySelectorAll("input[name='q-" + key + "']:checked").forEach(function (input) {
        data.append("q-" + key, input.value);
      });
    });
    inFlight = true;
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json().then(function (body) { return [response, body]; },
        function () { return [response, null]; });
    }).then(function (result) {
      var response = result[0], body = result[1];
      inFlight = false;
      if (response.ok) {
        retries = 0;
        keys.forEach(function (key) {
          if (dirty[key] === sent[key]) { delete dirty[key]; }
        });
        if (Object.keys(dirty).length) { later(0); } else { saved(); }
      } else if (body && body.cerrado) {
        window.location.reload();
      } else if (response.status === 400 || response.status === 403 || response.status === 404) {
        // Refused for good (not the learner's, or a bad answer): say why.
        status.textContent = (body && body.error) || "No se pudieron guardar las respuestas.";
      } else {
        retry();
      }
    }).catch(function () {
      inFlight = false;
      retry();
    });
  }

  function retry() {
    retries += 1;
    status.textContent = "Sin conexión: se reintentará guardar; sus respuestas también se envían al final.";
    later(Math.min(30000, 1000 * Math.pow(2, retries)));
  }

  form.addEventListener("change", function (event) {
    var name = event.target && event.target.name;
    if (!name || name.indexOf("q-") !== 0) { return; }
    changes += 1;
    dirty[name.slice(2)] = changes;
    later(400);
  });

  var deadline = document.getElementById("plazo");
  var countdown = deadline && deadline.querySelector(".countdown");
  if (countdown) {
    var end = new Date(deadline.getAttribute("data-deadline")).getTime();
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(left / 60), seconds = left % 60;
      countdown.textContent = "Quedan " + minutes + " min " + (seconds < 10 ? "0" : "") + seconds + " s.";
      if (left === 0) {
        window.clearInterval(timer);
        var submit = form.querySelector("button[value=enviar]");
        if (submit) { submit.click(); }
      }
    };
    var timer = window.setInterval(tick, 1000);
    tick();
  }
}());
