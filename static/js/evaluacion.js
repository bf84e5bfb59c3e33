// Progressive enhancement for a quiz attempt: answers are saved as the learner
// goes, and a timed attempt shows a countdown. Without JavaScript the form's
// "Guardar respuestas" and "Enviar evaluación" buttons do the same work.
(function () {
  "use strict";
  var form = document.getElementById("formulario-intento");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = document.getElementById("estado-guardado");
  var pending = null;

  function save() {
    var data = new FormData(form);
    data.set("accion", "guardar");
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json().then(function (body) { return [response, body]; });
    }).then(function (result) {
      var response = result[0], body = result[1];
      if (response.ok) {
        // 24-hour clock in Guatemala's time, as the server writes times
        // ("14:05"): "es-GT" alone gives "02:05 p. m.", and the sentence's
        // closing period made it "p. m..".
        status.textContent = "Respuestas guardadas a las " +
          new Date().toLocaleTimeString("es-GT", {
            hour: "2-digit", minute: "2-digit", hourCycle: "h23",
            timeZone: "America/Guatemala"
          }) + ".";
      } else if (body && body.cerrado) {
        window.location.reload();
      } else {
        status.textContent = (body && body.error) || "No se pudieron guardar las respuestas.";
      }
    }).catch(function () {
      status.textContent = "Sin conexión: sus respuestas se guardarán al enviar.";
    });
  }

  form.addEventListener("change", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(save, 400);
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
