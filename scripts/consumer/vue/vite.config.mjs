import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const isCustomElement = (tag) => tag.startsWith('perron-');
export default defineConfig({ root: import.meta.dirname, plugins: [vue({ template: { compilerOptions: { isCustomElement } } })], logLevel: 'warn' });
