// Small progressive enhancements of the workspace; every page works without them.
document.addEventListener('DOMContentLoaded', function () {
  document.documentElement.classList.add('js');
  // A jurisdiction switcher submits itself on change (its button is there for browsers without scripts).
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  // Buttons that ask before an action that cannot be undone: data-confirm="текст".
  document.querySelectorAll('[data-confirm]').forEach(function (element) {
    element.addEventListener('click', function (event) {
      if (!window.confirm(element.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });
  // A print button: data-print.
  document.querySelectorAll('[data-print]').forEach(function (element) {
    element.addEventListener('click', function () { window.print(); });
  });
});
