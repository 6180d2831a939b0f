#pragma once
// Result<T>: a value or an ApiError. Used where failure is an ordinary outcome (decoding, client
// calls); the server's services throw ApiError instead.

#include "apierror.h"

#include <utility>
#include <variant>

namespace encore {

template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) { }
    Result(ApiError error) : m_data(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const ApiError &error() const { return std::get<ApiError>(m_data); }

private:
    std::variant<T, ApiError> m_data;
};

} // namespace encore
