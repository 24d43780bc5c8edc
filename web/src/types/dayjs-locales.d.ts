// dayjs's ESM locale files (loaded on demand; they register themselves with dayjs).
declare module 'dayjs/esm/locale/*';
