// The library uses the ASP.NET Core shared framework without the Web SDK, which would otherwise add this using.
global using Microsoft.AspNetCore.Http;
