// GOV.UK Frontend's components (error summary focus, radios, service navigation's menu), started the way its
// documentation says, from a file rather than an inline script so the Content-Security-Policy stays 'self'.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) {
    document.body.classList.add('govuk-frontend-supported');
}
initAll();
