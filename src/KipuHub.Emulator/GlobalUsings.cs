// The library uses the ASP.NET Core shared framework without the Web SDK, which would otherwise add the first three.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;

// Every request handler writes through the emulator's HTTP plumbing and reads bodies as JSON tokens.
global using KipuHub.Emulator.Http;
global using Newtonsoft.Json.Linq;
