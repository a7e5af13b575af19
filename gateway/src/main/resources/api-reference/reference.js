// Swagger UI on the merged document of the whole public API. "Try it out" calls this gateway
// (the document's server is "/"); nothing is loaded from anywhere else, and no validator is asked.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    displayRequestDuration: true,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
