#ifndef TIAOQI_CCURL_SHIM_H
#define TIAOQI_CCURL_SHIM_H

#include <curl/curl.h>

/* Typed wrappers for libcurl's variadic functions, which Swift cannot call directly. */

typedef size_t (*tiaoqi_curl_write_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode tiaoqi_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tiaoqi_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tiaoqi_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tiaoqi_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tiaoqi_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tiaoqi_easy_setopt_write_callback(CURL *handle, CURLoption option,
                                                         tiaoqi_curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tiaoqi_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode tiaoqi_easy_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode tiaoqi_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode tiaoqi_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLcode tiaoqi_global_init(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

/* The value of the last response's header `name`, or NULL when it was not sent. */
static inline const char *tiaoqi_response_header(CURL *handle, const char *name) {
    struct curl_header *header = NULL;
    if (curl_easy_header(handle, name, 0, CURLH_HEADER, -1, &header) == CURLHE_OK && header) {
        return header->value;
    }
    return NULL;
}

/* The result code of a finished transfer message. */
static inline CURLcode tiaoqi_message_result(CURLMsg *message) {
    return message->data.result;
}

#endif
