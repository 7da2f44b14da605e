import { Global, Module } from '@nestjs/common';
import { OutagesController } from './outages.controller';
import { OutagesReader } from './outages.reader';
import { OutagesService } from './outages.service';

@Global()
@Module({ controllers: [OutagesController], providers: [OutagesReader, OutagesService], exports: [OutagesReader] })
export class OutagesModule {}
