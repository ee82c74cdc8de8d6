package dev.oktyv.bench.load.http;

/** The request methods {@code load --url} can send; an enum so {@code --help} lists them and a typo is refused. */
public enum HttpMethod {
    GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS
}
