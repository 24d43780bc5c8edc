// Connects the request-error handler to the interface: toasts through Ant Design's App context, the
// session end through the auth cache. useRequestError() is what pages call in onError.
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/client';
import { applyFieldErrors, describeError } from './errors';

export function useRequestError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form) {
        const rest = applyFieldErrors(form, error);
        const unplaced = Object.entries(rest);
        if (error instanceof ApiError && error.code === 'invalid_argument' && unplaced.length > 0) {
          message.error(unplaced.map(([k, v]) => `${k}: ${v}`).join('; '));
          return;
        }
      }
      message.error(describeError(error, t));
    },
    [message, t],
  );
}
